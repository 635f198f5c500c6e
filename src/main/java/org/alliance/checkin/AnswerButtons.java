package org.alliance.checkin;

/**
 * Buttons under an answer that reached the leader, the start of closing the loop. Check-ins show
 * them; the feature that handles each registers for its action id.
 */
public final class AnswerButtons {

    /** "Thanks, I've read this" under one shared answer; the value is the response id ({@code checkInId:userId}). */
    public static final String ACKNOWLEDGE = id("answer_acknowledge");
    /** Opens a small form to reply to one shared answer; the value is the response id. */
    public static final String REPLY = id("answer_reply");
    /** "Thanks, I've read this" under the leader's copy of an anonymous summary; the value is the check-in id. */
    public static final String ACKNOWLEDGE_SUMMARY = id("summary_acknowledge");
    /**
     * "Reply privately" beside one answer in the leader's copy of an anonymous summary. The value is
     * an opaque key, never the author's id: the leader's client can read every button value.
     */
    public static final String REPLY_PRIVATELY = id("summary_reply_privately");
    /** Turns one person's answers into an agreement; the value is the response id. */
    public static final String AGREEMENT = id("agreement_from_answer");

    private AnswerButtons() {
    }

    /** Not a compile-time constant on purpose, so the architecture test can see who uses this contract. */
    private static String id(String actionId) {
        return actionId;
    }
}
