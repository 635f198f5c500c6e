package org.alliance.checkin;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits the words after {@code /alliance start} into tokens and says what kind each one is; what a
 * token means there is {@link QuickStartParser}'s business. Slack delivers the text escaped
 * ({@code should_escape: true}): people as {@code <@U123|alice>}, user groups as
 * {@code <!subteam^S123|@devs>}, channels as {@code <#C123|general>}, and a typed {@code & < >} as
 * {@code &amp; &lt; &gt;}; tokens keep that escaping, and {@link #unescape} undoes it.
 */
final class QuickStartTokenizer {

    private static final Pattern USER = Pattern.compile("<@([UW][A-Z0-9]+)(?:\\|[^>]*)?>");
    private static final Pattern SUBTEAM = Pattern.compile("<!subteam\\^(S[A-Z0-9]+)(?:\\|[^>]*)?>");
    private static final Pattern CHANNEL = Pattern.compile("<#([CG][A-Z0-9]+)(?:\\|[^>]*)?>");
    private static final Pattern BROADCAST = Pattern.compile("<!(here|channel|everyone)(?:\\|[^>]*)?>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern OPTION = Pattern.compile("([A-Za-z][A-Za-z0-9_-]*):(.*)", Pattern.DOTALL);

    private QuickStartTokenizer() {
    }

    /** One token; {@link #raw()} is the text as Slack sent it, still escaped. */
    sealed interface Token {
        String raw();

        record User(String raw, String id) implements Token {
        }

        record UserGroup(String raw, String id) implements Token {
        }

        record Channel(String raw, String id) implements Token {
        }

        /** {@code <!here>}, {@code <!channel>} or {@code <!everyone>}; the name as sent. */
        record Broadcast(String raw, String name) implements Token {
        }

        /** Any other {@code <…>}: an entity the quick path doesn't take, or a stray {@code <}. */
        record OtherEntity(String raw) implements Token {
        }

        /**
         * {@code key:value}, the key as typed. People type {@code due: 3d}, so a bare {@code key:} takes the
         * next token as its value, unless that one is an option too; then the value stays empty.
         */
        record Option(String raw, String key, String value) implements Token {
        }

        /** Anything else: the check-in's name, or text that isn't a mention, such as a plain {@code @alice}. */
        record Word(String raw) implements Token {
        }
    }

    /** A quote still open at the end of the text; {@link #fragment()} is the token it began. */
    static final class UnclosedQuote extends RuntimeException {
        private final String fragment;

        UnclosedQuote(String fragment) {
            super("A quote isn't closed", null, false, false);
            this.fragment = fragment;
        }

        String fragment() {
            return fragment;
        }
    }

    /** @throws UnclosedQuote when a quote is left open */
    static List<Token> tokenize(String text) {
        List<String> words = split(text);
        List<Token> tokens = new ArrayList<>(words.size());
        for (int i = 0; i < words.size(); i++) {
            Token token = classify(words.get(i));
            if (token instanceof Token.Option o && o.value().isEmpty() && i + 1 < words.size()
                    && !(classify(words.get(i + 1)) instanceof Token.Option)) {
                String value = words.get(++i);
                token = new Token.Option(o.raw() + " " + value, o.key(), value);
            }
            tokens.add(token);
        }
        return tokens;
    }

    /** What kind of token one word is; also used to read an option's value, such as {@code members:#team}. */
    static Token classify(String word) {
        Matcher m;
        if ((m = USER.matcher(word)).matches()) {
            return new Token.User(word, m.group(1));
        } else if ((m = SUBTEAM.matcher(word)).matches()) {
            return new Token.UserGroup(word, m.group(1));
        } else if ((m = CHANNEL.matcher(word)).matches()) {
            return new Token.Channel(word, m.group(1));
        } else if ((m = BROADCAST.matcher(word)).matches()) {
            return new Token.Broadcast(word, m.group(1));
        } else if (word.startsWith("<")) {
            return new Token.OtherEntity(word);
        } else if ((m = OPTION.matcher(word)).matches()) {
            return new Token.Option(word, m.group(1), m.group(2));
        }
        return new Token.Word(word);
    }

    /**
     * Splits on whitespace (and commas) outside quotes. Quoted text, with straight or curly double
     * quotes, stays in one word; so does a Slack entity {@code <…>} even with spaces inside.
     *
     * @throws UnclosedQuote when a quote is left open
     */
    static List<String> split(String s) {
        List<String> words = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inQuote = false;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (inQuote) {
                cur.append(c);
                inQuote = !isQuote(c);
            } else if (isQuote(c)) {
                cur.append(c);
                inQuote = true;
            } else if (isSpace(c) || c == ',') {
                flush(words, cur);
            } else if (c == '<') {
                int j = i + 1;
                while (j < n && s.charAt(j) != '>' && s.charAt(j) != '<') {
                    j++;
                }
                if (j < n && s.charAt(j) == '>') {
                    if (!cur.isEmpty() && cur.charAt(cur.length() - 1) == '>') {
                        flush(words, cur); // "<@U1><@U2>" with no space between
                    }
                    cur.append(s, i, j + 1);
                    i = j;
                } else {
                    cur.append(c);
                }
            } else {
                cur.append(c);
            }
        }
        if (inQuote) {
            throw new UnclosedQuote(cur.toString());
        }
        flush(words, cur);
        return words;
    }

    private static void flush(List<String> words, StringBuilder cur) {
        if (!cur.isEmpty()) {
            words.add(cur.toString());
            cur.setLength(0);
        }
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    static boolean isQuote(char c) {
        return c == '"' || c == '\u201C' || c == '\u201D' || c == '\u201E' || c == '\u201F';
    }

    static boolean hasQuote(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (isQuote(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    static boolean isQuoted(String s) {
        return s.length() >= 2 && isQuote(s.charAt(0)) && isQuote(s.charAt(s.length() - 1));
    }

    static String unquote(String s) {
        return isQuoted(s) ? s.substring(1, s.length() - 1) : s;
    }

    /** Undoes Slack's escaping of a typed {@code & < >}. */
    static String unescape(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (s.startsWith("&lt;", i)) {
                out.append('<');
                i += 3;
            } else if (s.startsWith("&gt;", i)) {
                out.append('>');
                i += 3;
            } else if (s.startsWith("&amp;", i)) {
                out.append('&');
                i += 4;
            } else {
                out.append(s.charAt(i));
            }
        }
        return out.toString();
    }
}
