package org.alliance.checkin;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.alliance.checkin.QuickStartParser.Stop;

import static org.alliance.checkin.QuickStartParser.code;
import static org.alliance.checkin.QuickStartParser.plainChannel;
import static org.alliance.checkin.QuickStartTokenizer.isQuoted;
import static org.alliance.checkin.QuickStartTokenizer.unescape;
import static org.alliance.checkin.QuickStartTokenizer.unquote;

/**
 * The {@code key:value} options of a quick start, for {@link QuickStartParser}: which keys there are,
 * and each value read and checked, with a message showing how to write it when it can't be read.
 * One instance per parse, since it remembers the options already given.
 */
final class QuickStartOptions {

    /** How far ahead {@code due:} may reach; also keeps the arithmetic far from overflow. */
    static final Duration MAX_DUE = Duration.ofDays(365);

    /** The options, as the messages list them. */
    static final String NAMES = "`due:`, `visibility:`, `members:`, `objective:`, `every:`, `at:`, `playbook:`, "
            + "`mid:` and `end:`";

    private static final Pattern DUE = Pattern.compile("(\\d{1,9})([mhdw])", Pattern.CASE_INSENSITIVE);
    private static final Pattern AT = Pattern.compile("(\\d{1,2}):(\\d{2})");
    private static final Pattern CRON_FIELD = Pattern.compile("[A-Za-z0-9*/,?#-]+");

    private final Set<String> seen = new LinkedHashSet<>();
    private final Set<String> memberChannels = new LinkedHashSet<>();
    private Duration due;
    private Visibility visibility;
    private String objective;
    private String every;
    private LocalTime at;
    private boolean playbook;
    private LocalDate mid;
    private LocalDate end;

    /**
     * Reads one option.
     *
     * @param typedKey the key as typed, for messages
     * @param rawValue the value as Slack sent it: still escaped, maybe quoted
     * @throws Stop when the key is unknown or repeated, or the value can't be read
     */
    void take(String typedKey, String rawValue) {
        String key = typedKey.toLowerCase(Locale.ROOT);
        String canonical = "vis".equals(key) ? "visibility" : key;
        switch (canonical) {
            case "due", "visibility", "members", "objective", "every", "at", "playbook", "mid", "end" -> { }
            default -> throw new Stop("I don't know the option " + code(typedKey + ":") + ". You can use "
                    + NAMES + ".");
        }
        if (rawValue.isEmpty()) {
            throw new Stop(code(typedKey + ":") + " needs a value right after the colon, for example "
                    + example(canonical) + ".");
        }
        // members: may name several channels, one option each; the others would silently overwrite.
        if (!"members".equals(canonical) && !seen.add(canonical)) {
            throw new Stop("You gave " + code(canonical + ":") + " more than once. Please keep just one.");
        }
        String shown = typedKey + ":" + rawValue;
        switch (canonical) {
            case "due" -> due = readDue(unquote(rawValue), shown);
            case "visibility" -> visibility = Visibility.parse(unescape(unquote(rawValue)))
                    .orElseThrow(() -> new Stop("I don't know the visibility " + code(shown) + ". Use "
                            + "`visibility:leader` (only you see the answers), `visibility:thread` (everyone in "
                            + "the thread sees them) or `visibility:anonymous` (an unnamed summary)."));
            case "members" -> memberChannels.add(readMembers(rawValue, shown));
            case "objective" -> objective = readObjective(rawValue);
            case "every" -> every = readEvery(rawValue, shown);
            case "at" -> at = readAt(unquote(rawValue), shown);
            case "playbook" -> playbook = readOnOff(unescape(unquote(rawValue)), shown);
            case "mid" -> mid = readDate(unescape(unquote(rawValue)), shown);
            case "end" -> end = readDate(unescape(unquote(rawValue)), shown);
            default -> throw new IllegalStateException(canonical);
        }
    }

    Duration due() {
        return due;
    }

    Visibility visibility() {
        return visibility;
    }

    /** From {@code members:}, each once, in the order first named. */
    List<String> memberChannelIds() {
        return new ArrayList<>(memberChannels);
    }

    String objective() {
        return objective;
    }

    String every() {
        return every;
    }

    LocalTime at() {
        return at;
    }

    /** From {@code playbook:on}; false when not given or off. */
    boolean playbook() {
        return playbook;
    }

    /** From {@code mid:}, the day of a project kick-off playbook's mid-point. */
    LocalDate mid() {
        return mid;
    }

    /** From {@code end:}, the day of a project kick-off playbook's wrap-up. */
    LocalDate end() {
        return end;
    }

    private static boolean readOnOff(String value, String shown) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "on", "yes", "true" -> true;
            case "off", "no", "false" -> false;
            default -> throw new Stop(code(shown) + " isn't something I understand. Write `playbook:on` to run "
                    + "the check-in as a playbook (a short series of check-ins).");
        };
    }

    private static LocalDate readDate(String value, String shown) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new Stop(code(shown) + " isn't a day I understand. Write it as YYYY-MM-DD, for example "
                    + "`mid:2027-03-15`.");
        }
    }

    private static Duration readDue(String value, String shown) {
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

    private static String readMembers(String value, String shown) {
        if (QuickStartTokenizer.classify(value) instanceof QuickStartTokenizer.Token.Channel channel) {
            return channel.id();
        }
        if (value.startsWith("#")) {
            throw plainChannel(value);
        }
        throw new Stop(code(shown) + " isn't a channel. `members:` takes a channel picked from Slack's "
                + "autocomplete, for example `members:#team-alpha`, and invites everyone in it.");
    }

    private static String readObjective(String rawValue) {
        String value = unescape(unquote(rawValue)).strip();
        if (value.isEmpty()) {
            throw new Stop("`objective:` needs some text, for example `objective:\"Ship the beta\"`.");
        }
        return value;
    }

    private static String readEvery(String rawValue, String shown) {
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

    private static LocalTime readAt(String value, String shown) {
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
            case "playbook" -> "`playbook:on`";
            case "mid" -> "`mid:2027-03-15`";
            case "end" -> "`end:2027-04-30`";
            default -> "`at:09:30`";
        };
    }
}
