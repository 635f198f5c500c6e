package org.alliance.checkin;

import java.util.Optional;

/**
 * "Follow up" under one person's shared answer: the leader's way to commit to something for
 * them. Check-ins show the button; whoever handles follow-through (commitments) registers for
 * its action id and reads its value back with {@link #parse}.
 */
public record FollowUpButton(String checkInId, String memberId) {

    /** Kept from earlier versions, so buttons already posted in Slack still work. */
    public static final String ACTION_ID = "commitment_add";

    /** {@code checkInId:memberId}; neither a short id nor a Slack user id ever holds a colon. */
    public String value() {
        return checkInId + ":" + memberId;
    }

    /** The button's value read back; empty when it is not one. */
    public static Optional<FollowUpButton> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        int colon = value.indexOf(':');
        if (colon <= 0 || colon == value.length() - 1 || value.indexOf(':', colon + 1) >= 0) {
            return Optional.empty();
        }
        return Optional.of(new FollowUpButton(value.substring(0, colon), value.substring(colon + 1)));
    }
}
