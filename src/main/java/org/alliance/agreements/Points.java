package org.alliance.agreements;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The agreed points as the leader types them: one a line. Bullets a leader types out of habit
 * ("- ", "• ", "1. ") are dropped, because every message shows the points as a bullet list anyway.
 */
final class Points {

    /** Slack's limit for a text input. */
    static final int MAX_TEXT = 3000;
    /** Short points are what can be kept; a paragraph is a sign the answers were pasted unedited. */
    static final int MAX_POINT = 300;
    static final int MAX_POINTS = 15;
    static final int MAX_SUGGESTION = 1000;
    private static final Pattern BULLET = Pattern.compile("^(?:[-*•◦‣·]+|\\d{1,2}[.)])\\s*");

    private Points() {
    }

    static List<String> parse(String text) {
        List<String> points = new ArrayList<>();
        if (text == null) {
            return points;
        }
        for (String line : text.split("\\R")) {
            String point = BULLET.matcher(line.strip()).replaceFirst("").strip();
            if (!point.isEmpty()) {
                points.add(point);
            }
        }
        return points;
    }

    /** What is wrong with the typed points, in words for the leader; empty when they can be sent. */
    static Optional<String> problem(String text) {
        List<String> points = parse(text);
        if (points.isEmpty()) {
            return Optional.of("Write at least one point you agreed, one per line.");
        }
        if (text.length() > MAX_TEXT) {
            return Optional.of("Please keep it under " + MAX_TEXT + " characters (it has " + text.length() + ").");
        }
        if (points.size() > MAX_POINTS) {
            return Optional.of("Please keep it to " + MAX_POINTS + " points or fewer (it has " + points.size()
                    + "): a few short points are easier to keep.");
        }
        for (int i = 0; i < points.size(); i++) {
            if (points.get(i).length() > MAX_POINT) {
                return Optional.of("Point " + (i + 1) + " is " + points.get(i).length() + " characters long. "
                        + "Please keep each point under " + MAX_POINT + ", one short point per line.");
            }
        }
        return Optional.empty();
    }

    static Optional<String> suggestionProblem(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of("Say what you would change.");
        }
        if (text.strip().length() > MAX_SUGGESTION) {
            return Optional.of("Please keep it under " + MAX_SUGGESTION + " characters (it has "
                    + text.strip().length() + ").");
        }
        return Optional.empty();
    }
}
