package org.alliance.home;

import java.time.Instant;
import java.util.List;

import org.alliance.checkin.CheckIn;
import org.alliance.checkin.OpenCheckIns;
import org.alliance.commitments.Commitment;
import org.alliance.playbooks.Playbook;
import org.alliance.recurring.SeriesQueries;
import org.alliance.relationships.Relationship;
import org.alliance.score.FollowThroughScore;

/**
 * Everything one person's Home shows, read at one moment.
 *
 * @param waiting  open check-ins waiting for their answer, soonest due first
 * @param toMe     open commitments leaders made to them
 * @param led      the open check-ins they lead
 * @param series   their running recurring check-ins
 * @param people   everyone they have checked in with, the longest without a check-in first
 * @param hasLed   whether they ever started a check-in (a leader's Home rather than a participant's)
 * @param wasAsked whether they were ever asked in one
 * @param followThrough their own follow-through score as a leader; null when they have never led
 * @param playbooks their playbooks with steps still to come
 */
record HomeData(List<CheckIn> waiting, List<Commitment> toMe, OpenCheckIns.LedPage led,
                List<SeriesQueries.Running> series, List<Person> people, boolean hasLed, boolean wasAsked,
                Instant now, FollowThroughScore followThrough, List<Playbook> playbooks) {

    HomeData(List<CheckIn> waiting, List<Commitment> toMe, OpenCheckIns.LedPage led,
             List<SeriesQueries.Running> series, List<Person> people, boolean hasLed, boolean wasAsked, Instant now,
             FollowThroughScore followThrough) {
        this(waiting, toMe, led, series, people, hasLed, wasAsked, now, followThrough, List.of());
    }

    HomeData(List<CheckIn> waiting, List<Commitment> toMe, OpenCheckIns.LedPage led,
             List<SeriesQueries.Running> series, List<Person> people, boolean hasLed, boolean wasAsked, Instant now,
             List<Playbook> playbooks) {
        this(waiting, toMe, led, series, people, hasLed, wasAsked, now, null, playbooks);
    }

    HomeData(List<CheckIn> waiting, List<Commitment> toMe, OpenCheckIns.LedPage led,
             List<SeriesQueries.Running> series, List<Person> people, boolean hasLed, boolean wasAsked, Instant now) {
        this(waiting, toMe, led, series, people, hasLed, wasAsked, now, null, List.of());
    }

    /** One of the leader's people, with the drift marker decided and the leader's open commitments to them. */
    record Person(Relationship relationship, boolean drifting, List<Commitment> commitments) {
    }

    boolean newcomer() {
        return !hasLed && !wasAsked;
    }
}
