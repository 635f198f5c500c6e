package org.alliance.recurring;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.alliance.slack.People;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * How often a leader means to check in with each of their people: the rhythm of the recurring
 * check-ins they run (active or paused), for telling when someone has gone too long without one.
 */
@Service
public class ExpectedCheckIns {

    private static final Logger log = LoggerFactory.getLogger(ExpectedCheckIns.class);

    private final SeriesRepository series;
    private final People people;
    private final Clock clock;

    ExpectedCheckIns(SeriesRepository series, People people, Clock clock) {
        this.series = series;
        this.people = people;
        this.clock = clock;
    }

    /**
     * For each person in one of the leader's running recurring check-ins, the longest wait between
     * its rounds (the shortest of those when they are in several). People in none are absent.
     */
    public Map<String, Duration> intervals(String teamId, String leaderId) {
        Map<String, Duration> intervals = new HashMap<>();
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (Series s : series.running(teamId, leaderId)) {
            Duration gap = Cadence.fromWord(s.cadence(), s.at()).longestGap(now);
            if (gap == null) {
                continue;
            }
            for (String member : members(s)) {
                if (!member.equals(leaderId)) {
                    intervals.merge(member, gap, (a, b) -> a.compareTo(b) <= 0 ? a : b);
                }
            }
        }
        return intervals;
    }

    /** Who runs an active or paused recurring check-in in the workspace. */
    public Set<String> leaders(String teamId) {
        return series.runningLeaders(teamId);
    }

    /** The people named, and those in its groups and channels now: who its next round would ask. */
    private Set<String> members(Series s) {
        Set<String> members = new LinkedHashSet<>(s.userIds());
        try {
            for (String group : s.userGroupIds()) {
                members.addAll(people.userGroupMembers(s.teamId(), group).orElse(List.of()));
            }
            for (String channel : s.memberChannelIds()) {
                members.addAll(people.channelMembers(s.teamId(), channel).orElse(List.of()));
            }
        } catch (RuntimeException e) {
            // Slack out of reach: the people named still count; the others fall back to the usual limit.
            log.warn("Could not list the groups and channels of series {}: {}", s.id(), e.getMessage());
        }
        return members;
    }
}
