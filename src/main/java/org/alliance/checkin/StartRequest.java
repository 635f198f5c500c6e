package org.alliance.checkin;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a leader asked for, from the start modal, the quick path or a mention, before any checks.
 *
 * @param purpose          a question-set key, or {@code custom} with {@code customQuestions}
 * @param objective        the leader's own objective; null or blank keeps the purpose's
 * @param userIds          people chosen one by one
 * @param userGroupIds     user groups whose members take part
 * @param memberChannelIds channels whose members take part
 * @param channelId        where the parent message and thread go
 * @param threadTs         an existing thread to hold the check-in (started by a mention), or null
 * @param visibility       null means {@link Visibility#LEADER}
 * @param dueIn            due this long after the start; ignored when {@code dueAt} is set
 * @param dueAt            an exact due time; null with a null {@code dueIn} means the default
 */
public record StartRequest(
        String teamId,
        String leaderId,
        String purpose,
        String objective,
        List<String> customQuestions,
        List<String> userIds,
        List<String> userGroupIds,
        List<String> memberChannelIds,
        String channelId,
        String threadTs,
        Visibility visibility,
        Duration dueIn,
        Instant dueAt) {

    public StartRequest {
        customQuestions = customQuestions == null ? List.of() : List.copyOf(customQuestions);
        userIds = userIds == null ? List.of() : List.copyOf(userIds);
        userGroupIds = userGroupIds == null ? List.of() : List.copyOf(userGroupIds);
        memberChannelIds = memberChannelIds == null ? List.of() : List.copyOf(memberChannelIds);
    }

    /** The same request, held by {@code threadTs} in {@code channelId}. */
    StartRequest inThread(String channelId, String threadTs) {
        return new StartRequest(teamId, leaderId, purpose, objective, customQuestions, userIds, userGroupIds,
                memberChannelIds, channelId, threadTs, visibility, dueIn, dueAt);
    }
}
