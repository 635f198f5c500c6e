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

    /** How much of something a person typed is repeated back to them, e.g. in "I can't find …". */
    public static final int ECHO_CHARS = 60;

    /**
     * Something a person typed (an argument, a button value), made safe to repeat back: on one
     * line, cut to {@link #ECHO_CHARS} with "…", unable to close an inline code span, and escaped.
     */
    public static String echo(String typed) {
        if (typed == null) {
            return "";
        }
        String head = typed.length() > 4 * ECHO_CHARS ? typed.substring(0, safeCut(typed, 4 * ECHO_CHARS)) : typed;
        return escape(truncate(head.replace('`', '\'').replaceAll("\\s+", " ").strip(), ECHO_CHARS));
    }

    /**
     * {@code text} cut to at most {@code max} characters, ending in "…" when it was longer. It
     * never splits a surrogate pair, so an emoji is kept whole or left out, never half-shown.
     */
    public static String truncate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, safeCut(text, max - 1)).stripTrailing() + "…";
    }

    /** {@code cut}, moved back by one when it would fall between the two halves of a surrogate pair. */
    public static int safeCut(String text, int cut) {
        return cut > 0 && cut < text.length() && Character.isHighSurrogate(text.charAt(cut - 1)) ? cut - 1 : cut;
    }
}
