package org.alliance.recurring;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

import org.alliance.checkin.StartRequest;
import org.alliance.checkin.Visibility;

/**
 * A recurring check-in: the same request, started again on a cadence. Each occurrence is a
 * round with its own thread and responses; {@code next} is the wall-clock time of the next
 * round, which each person gets at that time in their own time zone. {@code dueIn} is an
 * ISO-8601 duration (the driver has no codec for {@link Duration}), or null for the default.
 */
public record Series(
        String id,
        String teamId,
        String leaderId,
        String purpose,
        String objective,
        List<String> userIds,
        List<String> userGroupIds,
        List<String> memberChannelIds,
        String channelId,
        Visibility visibility,
        String dueIn,
        String cadence,
        LocalTime at,
        SeriesStatus status,
        Instant createdAt,
        int rounds,
        LocalDateTime next) {

    public Series {
        userIds = userIds == null ? List.of() : List.copyOf(userIds);
        userGroupIds = userGroupIds == null ? List.of() : List.copyOf(userGroupIds);
        memberChannelIds = memberChannelIds == null ? List.of() : List.copyOf(memberChannelIds);
    }

    StartRequest request() {
        return new StartRequest(teamId, leaderId, purpose, objective, List.of(), userIds, userGroupIds,
                memberChannelIds, channelId, null, visibility, dueIn == null ? null : Duration.parse(dueIn), null);
    }
}
