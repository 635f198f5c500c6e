package org.alliance.checkin;

/**
 * What one viewer may see of one participant's part in a check-in, outside the moment it was
 * shared: the same promise as when they answered, never more. The author always sees their own
 * part (they wrote it). The leader sees it when the check-in promised it to them or to the
 * thread; in an anonymous check-in they see only that the person was asked, because an answer or
 * a skip reason next to a name is exactly what anonymity rules out. Anyone else sees nothing:
 * a thread answer lives in its thread, and history is not the thread. {@link #EVERYTHING} for the
 * leader still leaves out answers to questions marked anonymous ({@link Response#orderedAnswers}): only
 * their author sees those next to their name.
 */
enum AnswerSight {
    /** Answers, skip reason and status. */
    EVERYTHING,
    /** That the person was asked, nothing of what they did or said. */
    ASKED_ONLY,
    NOTHING;

    static AnswerSight of(CheckIn checkIn, String authorId, String viewerId) {
        if (viewerId == null || authorId == null || !checkIn.isParticipant(authorId)) {
            return NOTHING;
        }
        if (viewerId.equals(authorId)) {
            return EVERYTHING;
        }
        if (!viewerId.equals(checkIn.leaderId())) {
            return NOTHING;
        }
        return checkIn.visibility() == Visibility.ANONYMOUS ? ASKED_ONLY : EVERYTHING;
    }
}
