package org.alliance.export;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What {@code /alliance export} was asked for: one check-in, everything with one person, or one's own answers. */
sealed interface ExportTarget {

    /** Slack sends a picked person as {@code <@U123|name>} (or {@code <@U123>}). */
    Pattern MENTION = Pattern.compile("<@([UW][A-Z0-9]+)(?:\\|[^>]*)?>");

    record CheckInId(String id) implements ExportTarget {
    }

    record Person(String userId) implements ExportTarget {
    }

    record Mine() implements ExportTarget {
    }

    /** Empty when the words name nothing exportable; the caller explains. */
    static Optional<ExportTarget> parse(String arguments, String askerId) {
        String word = arguments.strip().split("\\s+")[0];
        if (word.isEmpty() || word.startsWith("@") || word.startsWith("<")) {
            Matcher m = MENTION.matcher(word);
            if (!m.matches()) {
                return Optional.empty();
            }
            return Optional.of(m.group(1).equals(askerId) ? new Mine() : new Person(m.group(1)));
        }
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "me", "mine", "myself" -> Optional.of(new Mine());
            default -> Optional.of(new CheckInId(word));
        };
    }
}
