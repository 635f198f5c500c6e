package org.alliance.checkin;

import java.util.Locale;
import java.util.Optional;

/** Who sees a participant's answers: promised when the check-in starts, and told to every participant. */
public enum Visibility {
    /** Only the leader, in a direct message. */
    LEADER,
    /** Everyone in the check-in's thread, under the author's name. */
    THREAD,
    /** Nobody by name: an unattributed summary once enough people have answered. */
    ANONYMOUS;

    public static Optional<Visibility> parse(String word) {
        if (word == null) {
            return Optional.empty();
        }
        return switch (word.strip().toLowerCase(Locale.ROOT)) {
            case "leader", "private" -> Optional.of(LEADER);
            case "thread", "team", "public" -> Optional.of(THREAD);
            case "anonymous", "anon" -> Optional.of(ANONYMOUS);
            default -> Optional.empty();
        };
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
