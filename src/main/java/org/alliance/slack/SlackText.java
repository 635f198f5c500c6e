package org.alliance.slack;

/**
 * Slack's three control characters. Escaping every piece of user text we show means it can
 * never become a mention such as {@code <!channel>} or break the surrounding formatting.
 */
public final class SlackText {

    private SlackText() {
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
