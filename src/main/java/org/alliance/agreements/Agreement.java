package org.alliance.agreements;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How one leader and one person work together: every version the leader proposed, at most one of
 * them confirmed as the current agreement, at most one still waiting for the person. It is between
 * the two of them only: nobody else is ever shown it.
 *
 * @param versions oldest first; numbers count up from 1 and are never reused
 * @param reviewAt when both are next asked whether the current agreement still holds; null until one is confirmed
 * @param revision how many changes were stored, so two changes made at once can't both win
 */
public record Agreement(
        String teamId,
        String leaderId,
        String memberId,
        List<Version> versions,
        Instant reviewAt,
        long revision) {

    public enum Status { PROPOSED, CONFIRMED, SUPERSEDED }

    /**
     * One version of the points. A superseded version with a {@code confirmedAt} was once the
     * agreement; one without was replaced by a newer proposal before the person confirmed it.
     *
     * @param checkInId  the check-in whose answers it came from; null when it was revised from an earlier version
     * @param suggestion the person's latest suggested change to it, while it was proposed
     */
    public record Version(int number, List<String> points, Status status, Instant proposedAt, Instant confirmedAt,
                          String checkInId, String suggestion, Instant suggestedAt) {

        public Version {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(proposedAt, "proposedAt");
            points = List.copyOf(points);
            if (points.isEmpty()) {
                throw new IllegalArgumentException("an agreement version needs at least one point");
            }
            if (status == Status.CONFIRMED && confirmedAt == null) {
                throw new IllegalArgumentException("a confirmed version needs its date");
            }
        }

        public boolean wasConfirmed() {
            return confirmedAt != null;
        }

        Version with(Status newStatus, Instant newConfirmedAt) {
            return new Version(number, points, newStatus, proposedAt, newConfirmedAt, checkInId, suggestion, suggestedAt);
        }
    }

    public Agreement {
        Objects.requireNonNull(teamId, "teamId");
        Objects.requireNonNull(leaderId, "leaderId");
        Objects.requireNonNull(memberId, "memberId");
        versions = versions == null ? List.of() : List.copyOf(versions);
        if (versions.stream().filter(v -> v.status() == Status.CONFIRMED).count() > 1
                || versions.stream().filter(v -> v.status() == Status.PROPOSED).count() > 1) {
            throw new IllegalArgumentException("at most one confirmed and one proposed version at a time");
        }
        if (leaderId.equals(memberId)) {
            throw new IllegalArgumentException("an agreement is between two people");
        }
    }

    /** A pair that has agreed nothing yet. */
    static Agreement between(String teamId, String leaderId, String memberId) {
        return new Agreement(teamId, leaderId, memberId, List.of(), null, 0);
    }

    /** The id of the pair's one document: a pair has one agreement, with its versions. */
    static String idOf(String teamId, String leaderId, String memberId) {
        return teamId + ":" + leaderId + ":" + memberId;
    }

    String id() {
        return idOf(teamId, leaderId, memberId);
    }

    public boolean involves(String userId) {
        return leaderId.equals(userId) || memberId.equals(userId);
    }

    /** The agreement as it stands: the confirmed version, if there is one. */
    public Optional<Version> current() {
        return versions.stream().filter(v -> v.status() == Status.CONFIRMED).findFirst();
    }

    /** The version waiting for the person to confirm it. */
    public Optional<Version> pending() {
        return versions.stream().filter(v -> v.status() == Status.PROPOSED).findFirst();
    }

    public Optional<Version> version(int number) {
        return versions.stream().filter(v -> v.number() == number).findFirst();
    }

    /** What to start a new version from: the one waiting, else the confirmed one. */
    Optional<Version> latest() {
        return pending().or(this::current);
    }

    /** Every version that was once the agreement, newest first. */
    public List<Version> confirmedVersions() {
        return versions.stream().filter(Version::wasConfirmed)
                .sorted(Comparator.comparingInt(Version::number).reversed()).toList();
    }

    /** The version confirmed last before {@code number}, what a change is measured against. */
    public Optional<Version> confirmedBefore(int number) {
        return versions.stream().filter(v -> v.wasConfirmed() && v.number() < number)
                .max(Comparator.comparingInt(Version::number));
    }

    /** A new version waiting for the person; one still waiting is replaced by it. */
    Agreement propose(List<String> points, String checkInId, Instant now) {
        int number = versions.stream().mapToInt(Version::number).max().orElse(0) + 1;
        List<Version> next = new ArrayList<>();
        for (Version v : versions) {
            next.add(v.status() == Status.PROPOSED ? v.with(Status.SUPERSEDED, null) : v);
        }
        next.add(new Version(number, points, Status.PROPOSED, now, null, checkInId, null, null));
        return new Agreement(teamId, leaderId, memberId, next, reviewAt, revision + 1);
    }

    /** The person confirms version {@code number}: it becomes the agreement, and the next review is counted from now. */
    Agreement confirm(int number, Instant now, Duration reviewEvery) {
        Version confirming = version(number).filter(v -> v.status() == Status.PROPOSED)
                .orElseThrow(() -> new IllegalStateException("version " + number + " of " + id() + " is not waiting"));
        List<Version> next = new ArrayList<>();
        for (Version v : versions) {
            if (v == confirming) {
                next.add(v.with(Status.CONFIRMED, now));
            } else {
                next.add(v.status() == Status.CONFIRMED ? v.with(Status.SUPERSEDED, v.confirmedAt()) : v);
            }
        }
        return new Agreement(teamId, leaderId, memberId, next, now.plus(reviewEvery), revision + 1);
    }

    /** The person suggests a change to version {@code number}; it stays waiting until the leader revises it. */
    Agreement suggest(int number, String suggestion, Instant now) {
        Version target = version(number).filter(v -> v.status() == Status.PROPOSED)
                .orElseThrow(() -> new IllegalStateException("version " + number + " of " + id() + " is not waiting"));
        List<Version> next = versions.stream().map(v -> v != target ? v : new Version(v.number(), v.points(),
                v.status(), v.proposedAt(), null, v.checkInId(), suggestion.strip(), now)).toList();
        return new Agreement(teamId, leaderId, memberId, next, reviewAt, revision + 1);
    }

    /** The review due at {@code reviewAt} found the agreement still holds: the next one is a full period later. */
    Agreement stillHolds(Instant now, Duration reviewEvery) {
        if (current().isEmpty()) {
            throw new IllegalStateException(id() + " has no confirmed agreement to review");
        }
        return new Agreement(teamId, leaderId, memberId, versions, now.plus(reviewEvery), revision + 1);
    }
}
