package org.alliance.slack;

/** A parsed {@code /alliance} invocation: who, where, and the words after the subcommand. */
public record CommandInput(String teamId, String userId, String channelId, String subcommand, String arguments,
                           String triggerId, String responseUrl) {

    static CommandInput parse(String teamId, String userId, String channelId, String text, String triggerId,
                              String responseUrl) {
        String trimmed = text == null ? "" : text.strip();
        int space = indexOfWhitespace(trimmed);
        String word = space < 0 ? trimmed : trimmed.substring(0, space);
        String rest = space < 0 ? "" : trimmed.substring(space).strip();
        return new CommandInput(teamId, userId, channelId, word.toLowerCase(java.util.Locale.ROOT), rest, triggerId,
                responseUrl);
    }

    private static int indexOfWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
