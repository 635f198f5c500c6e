package org.alliance.checkin;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.alliance.slack.SlackText;

/**
 * Reads the words after {@code /alliance start} (or {@code @Alliance start}):
 * <pre>
 * &lt;purpose&gt; @person… [#channel] [due:&lt;n&gt;m|h|d|w] [visibility:leader|thread|anonymous]
 *     [members:#channel] [objective:"text"] [every:1w|2w|1mo|"&lt;cron&gt;"] [at:HH:MM]
 * </pre>
 * Slack delivers the text escaped ({@code should_escape: true}): people as {@code <@U123|alice>},
 * user groups as {@code <!subteam^S123|@devs>}, channels as {@code <#C123|general>}, and a typed
 * {@code & < >} as {@code &amp; &lt; &gt;}. Pure Java; {@link #parse} never throws, it always
 * returns a {@link Result}, and every message it writes escapes the user's own text.
 */
final class QuickStartParser {

    /** How far ahead {@code due:} may reach; also keeps the arithmetic far from overflow. */
    static final Duration MAX_DUE = Duration.ofDays(365);

    private static final int MAX_QUOTED = 60;

    private static final String USAGE = "`/alliance start standup @alice @bob due:3d`";
    private static final String OPTIONS = "`due:`, `visibility:`, `members:`, `objective:`, `every:` and `at:`";

    private static final Pattern USER = Pattern.compile("<@([UW][A-Z0-9]+)(?:\\|[^>]*)?>");
    private static final Pattern SUBTEAM = Pattern.compile("<!subteam\\^(S[A-Z0-9]+)(?:\\|[^>]*)?>");
    private static final Pattern CHANNEL = Pattern.compile("<#([CG][A-Z0-9]+)(?:\\|[^>]*)?>");
    private static final Pattern SPECIAL = Pattern.compile("<!(here|channel|everyone)(?:\\|[^>]*)?>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern OPTION = Pattern.compile("([A-Za-z][A-Za-z0-9_-]*):(.*)", Pattern.DOTALL);
    private static final Pattern DUE = Pattern.compile("(\\d{1,9})([mhdw])", Pattern.CASE_INSENSITIVE);
    private static final Pattern AT = Pattern.compile("(\\d{1,2}):(\\d{2})");
    private static final Pattern CRON_FIELD = Pattern.compile("[A-Za-z0-9*/,?#-]+");

    private QuickStartParser() {
    }

    /** What {@link #parse} found: either a request to start, or a message for the person who typed it. */
    public sealed interface Result permits Parsed, Invalid {
    }

    /**
     * A well-formed quick start. Lists are never null; the other fields are null when not given.
     *
     * @param purpose          lower-cased question-set key
     * @param userIds          people, each once, in the order first named
     * @param userGroupIds     user groups, each once
     * @param memberChannelIds channels from {@code members:}, each once
     * @param channelId        the channel to hold the thread, or null for the default
     * @param due              from {@code due:}, always positive
     * @param visibility       from {@code visibility:} / {@code vis:}
     * @param objective        from {@code objective:}, unescaped
     * @param every            {@code 1w}, {@code 2w}, {@code 1mo} or a cron of 5 or 6 fields, for recurring check-ins
     * @param at               from {@code at:}, for recurring check-ins
     */
    public record Parsed(String purpose, List<String> userIds, List<String> userGroupIds,
                         List<String> memberChannelIds, String channelId, Duration due, Visibility visibility,
                         String objective, String every, LocalTime at) implements Result {

        public Parsed {
            userIds = userIds == null ? List.of() : List.copyOf(userIds);
            userGroupIds = userGroupIds == null ? List.of() : List.copyOf(userGroupIds);
            memberChannelIds = memberChannelIds == null ? List.of() : List.copyOf(memberChannelIds);
        }
    }

    /** Why the text could not be read, as Slack mrkdwn for the person who typed it. */
    public record Invalid(String message) implements Result {
    }

    /** Parses the arguments after {@code start}. Never throws. */
    public static Result parse(String text) {
        try {
            return new Run(text == null ? "" : text).parse();
        } catch (RuntimeException e) {
            return new Invalid("Sorry, I couldn't read that. Try something like " + USAGE + ".");
        }
    }

    /** The request to hand to the starter: no custom questions, {@code dueIn} from {@code due:}. */
    public static StartRequest toRequest(Parsed p, String teamId, String leaderId, String defaultChannelId,
                                         String threadTs) {
        Objects.requireNonNull(p, "parsed");
        return new StartRequest(teamId, leaderId, p.purpose(), p.objective(), List.of(), p.userIds(),
                p.userGroupIds(), p.memberChannelIds(), p.channelId() != null ? p.channelId() : defaultChannelId,
                threadTs, p.visibility(), p.due(), null);
    }

    /** Thrown inside one run to stop at the first problem; never escapes {@link #parse}. */
    private static final class Stop extends RuntimeException {
        Stop(String message) {
            super(message, null, false, false);
        }
    }

    private static final class Run {
        private final String text;
        private String purpose;
        private String purposeAsTyped;
        private final Set<String> users = new LinkedHashSet<>();
        private final Set<String> groups = new LinkedHashSet<>();
        private final Set<String> memberChannels = new LinkedHashSet<>();
        private final Set<String> optionsSeen = new LinkedHashSet<>();
        private String channelId;
        private Duration due;
        private Visibility visibility;
        private String objective;
        private String every;
        private LocalTime at;

        Run(String text) {
            this.text = text;
        }

        Result parse() {
            try {
                List<String> tokens = tokenize(text);
                for (int i = 0; i < tokens.size(); i++) {
                    i = take(tokens, i);
                }
            } catch (Stop stop) {
                return new Invalid(stop.getMessage());
            }
            if (purpose == null || purpose.isEmpty()) {
                return new Invalid("Which check-in should I start? Put its name first, then the people, "
                        + "for example " + USAGE + ".");
            }
            return new Parsed(purpose, new ArrayList<>(users), new ArrayList<>(groups),
                    new ArrayList<>(memberChannels), channelId, due, visibility, objective, every, at);
        }

        /** Reads the token at {@code i}; returns the index of the last token used. */
        private int take(List<String> tokens, int i) {
            String token = tokens.get(i);
            Matcher m;
            if ((m = USER.matcher(token)).matches()) {
                users.add(m.group(1));
            } else if ((m = SUBTEAM.matcher(token)).matches()) {
                groups.add(m.group(1));
            } else if ((m = CHANNEL.matcher(token)).matches()) {
                String id = m.group(1);
                if (channelId != null && !channelId.equals(id)) {
                    throw new Stop("I can post a check-in in only one channel, but you named two: <#" + channelId
                            + "> and <#" + id + ">. Keep one. To invite everyone in a channel, use "
                            + "`members:#channel` instead.");
                }
                channelId = id;
            } else if ((m = SPECIAL.matcher(token)).matches()) {
                throw new Stop("I can't start a check-in with " + code("@" + m.group(1).toLowerCase(Locale.ROOT))
                        + ". Name the people or a user group, or use `members:#channel` to include everyone in a "
                        + "channel.");
            } else if (token.startsWith("<")) {
                throw new Stop("I didn't understand " + code(token) + ". After the check-in name, add people, "
                        + "a channel and options such as `due:3d`.");
            } else if (token.startsWith("@")) {
                throw plainPerson(token);
            } else if (token.startsWith("#")) {
                throw plainChannel(token);
            } else if ((m = OPTION.matcher(token)).matches()) {
                String key = m.group(1).toLowerCase(Locale.ROOT);
                String value = m.group(2);
                if (value.isEmpty() && i + 1 < tokens.size() && !OPTION.matcher(tokens.get(i + 1)).matches()) {
                    value = tokens.get(++i); // "due: 3d", "objective: \"…\""
                }
                option(key, m.group(1), value);
            } else if (hasQuote(token)) {
                throw new Stop("I didn't understand " + code(token) + ". Quoted text goes right after "
                        + "`objective:` or `every:`, for example `objective:\"Ship the beta\"`.");
            } else if (purpose == null) {
                purpose = unescape(token).toLowerCase(Locale.ROOT);
                purposeAsTyped = token;
            } else {
                throw new Stop("I didn't understand " + code(token) + ". The check-in is already "
                        + code(purposeAsTyped) + "; everything after it should be people, a channel, or an option: "
                        + OPTIONS + ".");
            }
            return i;
        }

        private void option(String key, String typedKey, String rawValue) {
            String canonical = "vis".equals(key) ? "visibility" : key;
            switch (canonical) {
                case "due", "visibility", "members", "objective", "every", "at" -> { }
                default -> throw new Stop("I don't know the option " + code(typedKey + ":") + ". You can use "
                        + OPTIONS + ".");
            }
            if (rawValue.isEmpty()) {
                throw new Stop(code(typedKey + ":") + " needs a value right after the colon, for example "
                        + example(canonical) + ".");
            }
            if (!"members".equals(canonical) && !optionsSeen.add(canonical)) {
                throw new Stop("You gave " + code(canonical + ":") + " more than once. Please keep just one.");
            }
            String shown = typedKey + ":" + rawValue;
            switch (canonical) {
                case "due" -> due = due(unquote(rawValue), shown);
                case "visibility" -> visibility = Visibility.parse(unescape(unquote(rawValue)))
                        .orElseThrow(() -> new Stop("I don't know the visibility " + code(shown) + ". Use "
                                + "`visibility:leader` (only you see the answers), `visibility:thread` (everyone in "
                                + "the thread sees them) or `visibility:anonymous` (an unnamed summary)."));
                case "members" -> memberChannels.add(members(rawValue, shown));
                case "objective" -> objective = objective(rawValue);
                case "every" -> every = every(rawValue, shown);
                case "at" -> at = at(unquote(rawValue), shown);
                default -> throw new IllegalStateException(canonical);
            }
        }

        private static Duration due(String value, String shown) {
            Matcher m = DUE.matcher(value.strip());
            if (!m.matches()) {
                throw new Stop(code(shown) + " isn't a due time I understand. The due time must be in the future: "
                        + "write a whole number and a unit, like `due:30m`, `due:4h`, `due:3d` or `due:2w`.");
            }
            long n = Long.parseLong(m.group(1));
            if (n <= 0) {
                throw new Stop(code(shown) + " would be due straight away. The due time must be in the future: "
                        + "write a whole number above zero and a unit, like `due:30m`, `due:4h`, `due:3d` or "
                        + "`due:2w`.");
            }
            Duration d = switch (Character.toLowerCase(m.group(2).charAt(0))) {
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> Duration.ofDays(n * 7);
            };
            if (d.compareTo(MAX_DUE) > 0) {
                throw new Stop(code(shown) + " is too far away. A check-in can be due at most a year from now, "
                        + "for example `due:2w` or `due:30d`.");
            }
            return d;
        }

        private static String members(String value, String shown) {
            Matcher m = CHANNEL.matcher(value);
            if (m.matches()) {
                return m.group(1);
            }
            if (value.startsWith("#")) {
                throw plainChannel(value);
            }
            throw new Stop(code(shown) + " isn't a channel. `members:` takes a channel picked from Slack's "
                    + "autocomplete, for example `members:#team-alpha`, and invites everyone in it.");
        }

        private static String objective(String rawValue) {
            String value = unescape(unquote(rawValue)).strip();
            if (value.isEmpty()) {
                throw new Stop("`objective:` needs some text, for example `objective:\"Ship the beta\"`.");
            }
            return value;
        }

        private static String every(String rawValue, String shown) {
            String value = unescape(unquote(rawValue)).strip();
            String lower = value.toLowerCase(Locale.ROOT);
            if (lower.equals("1w") || lower.equals("2w") || lower.equals("1mo")) {
                return lower;
            }
            String[] fields = value.split("\\s+");
            boolean cron = isQuoted(rawValue) && (fields.length == 5 || fields.length == 6);
            for (int k = 0; cron && k < fields.length; k++) {
                cron = CRON_FIELD.matcher(fields[k]).matches();
            }
            if (!cron) {
                throw new Stop(code(shown) + " isn't a schedule I understand. Use `every:1w` (weekly), "
                        + "`every:2w` (every two weeks), `every:1mo` (monthly), or a cron expression of 5 or 6 "
                        + "fields in quotes, like `every:\"0 9 * * MON\"`.");
            }
            return String.join(" ", fields);
        }

        private static LocalTime at(String value, String shown) {
            Matcher m = AT.matcher(value.strip());
            if (m.matches()) {
                int hour = Integer.parseInt(m.group(1));
                int minute = Integer.parseInt(m.group(2));
                if (hour <= 23 && minute <= 59) {
                    return LocalTime.of(hour, minute);
                }
            }
            throw new Stop(code(shown) + " isn't a time I understand. Write it as a 24-hour HH:MM, for example "
                    + "`at:09:30` or `at:16:00`.");
        }

        private static String example(String canonical) {
            return switch (canonical) {
                case "due" -> "`due:3d`";
                case "visibility" -> "`visibility:thread`";
                case "members" -> "`members:#team-alpha`";
                case "objective" -> "`objective:\"Ship the beta\"`";
                case "every" -> "`every:1w`";
                default -> "`at:09:30`";
            };
        }

        private static Stop plainPerson(String token) {
            return new Stop(code(token) + " arrived as plain text, not as a mention, so I can't tell who that is. "
                    + "Type @ and pick the person or user group from Slack's autocomplete list, so it turns into "
                    + "a mention.");
        }

        private static Stop plainChannel(String token) {
            return new Stop(code(token) + " arrived as plain text, not as a channel mention, so I can't tell which "
                    + "channel that is. Type # and pick the channel from Slack's autocomplete list, so it turns "
                    + "into a link.");
        }
    }

    /**
     * Splits on whitespace (and commas) outside quotes. Quoted text, with straight or curly double
     * quotes, stays in one token; so does a Slack entity {@code <…>} even with spaces inside.
     */
    static List<String> tokenize(String s) {
        List<String> tokens = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int quoteStart = -1;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (quoteStart >= 0) {
                cur.append(c);
                if (isQuote(c)) {
                    quoteStart = -1;
                }
            } else if (isQuote(c)) {
                cur.append(c);
                quoteStart = i;
            } else if (isSpace(c) || c == ',') {
                flush(tokens, cur);
            } else if (c == '<') {
                int j = i + 1;
                while (j < n && s.charAt(j) != '>' && s.charAt(j) != '<') {
                    j++;
                }
                if (j < n && s.charAt(j) == '>') {
                    if (!cur.isEmpty() && cur.charAt(cur.length() - 1) == '>') {
                        flush(tokens, cur); // "<@U1><@U2>" with no space between
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
        if (quoteStart >= 0) {
            throw new Stop("A quote isn't closed in " + code(cur.toString()) + ". Add the closing `\"`, for "
                    + "example `objective:\"Ship the beta\"`.");
        }
        flush(tokens, cur);
        return tokens;
    }

    private static void flush(List<String> tokens, StringBuilder cur) {
        if (!cur.isEmpty()) {
            tokens.add(cur.toString());
            cur.setLength(0);
        }
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\u201C' || c == '\u201D' || c == '\u201E' || c == '\u201F';
    }

    private static boolean hasQuote(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (isQuote(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isQuoted(String s) {
        return s.length() >= 2 && isQuote(s.charAt(0)) && isQuote(s.charAt(s.length() - 1));
    }

    private static String unquote(String s) {
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

    /** User text as inline code: shortened, on one line, escaped, and unable to close the code span. */
    static String code(String raw) {
        String plain = raw == null ? "" : raw;
        if (plain.length() > 4 * MAX_QUOTED) {
            plain = plain.substring(0, 4 * MAX_QUOTED);
        }
        plain = unescape(plain).replace('`', '\'').replaceAll("\\s+", " ").strip();
        if (plain.length() > MAX_QUOTED) {
            int cut = Character.isLowSurrogate(plain.charAt(MAX_QUOTED)) ? MAX_QUOTED - 1 : MAX_QUOTED;
            plain = plain.substring(0, cut) + "…";
        }
        return "`" + SlackText.escape(plain) + "`";
    }
}
