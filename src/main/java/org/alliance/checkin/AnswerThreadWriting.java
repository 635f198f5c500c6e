package org.alliance.checkin;

/**
 * Lets a conversation about an answer take what its author writes later in their check-in DM
 * thread, which check-ins would otherwise answer with "you've already answered".
 */
public interface AnswerThreadWriting {

    /**
     * Offered what a participant writes in the DM thread of a check-in they have answered or
     * skipped, or that has ended. Returns true when this feature took the message (and told the
     * person where it went); false leaves check-ins' usual reply.
     */
    boolean take(Response response, String text, String replyTs);
}
