package org.alliance.conversations;

import java.time.Instant;

/**
 * The one conversation about one named answer, between its check-in's leader and its author:
 * a thread on each side, and what was last relayed from each, so a redelivered message is
 * relayed once.
 *
 * @param id              the response id ({@code checkInId:userId}): one conversation per answer
 * @param leaderChannelId the leader's DM with the bot; with {@code leaderTs} the leader's thread
 * @param leaderTs        the message the leader's thread hangs under: the shared answer itself
 *                        (leader-only check-ins) or a DM quoting it (thread check-ins); null until posted
 * @param personChannelId the author's check-in DM; with {@code personTs} their thread; null when they had none
 * @param lastLeaderTs    the newest message the leader wrote in their thread that was relayed
 * @param lastPersonTs    the newest message the author wrote in their thread that was relayed
 * @param leaderToldAt    when the leader was first told where their writing goes (said once)
 */
public record Conversation(
        String id,
        String teamId,
        String checkInId,
        String leaderId,
        String personId,
        String leaderChannelId,
        String leaderTs,
        String personChannelId,
        String personTs,
        String lastLeaderTs,
        String lastPersonTs,
        Instant leaderToldAt,
        Instant createdAt) {

    boolean deliverable() {
        return personChannelId != null && personTs != null;
    }

    boolean hasLeaderSide() {
        return leaderChannelId != null && leaderTs != null;
    }
}
