package org.alliance.checkin;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.alliance.checkin.QuickStartTokenizer.Token;
import org.alliance.slack.SlackText;

import static org.alliance.checkin.QuickStartTokenizer.hasQuote;
import static org.alliance.checkin.QuickStartTokenizer.unescape;

/**
 * Reads the words after {@code /alliance start} (or {@code @Alliance start}):
 * <pre>
 * &lt;purpose&gt; @person… [#channel] [due:&lt;n&gt;m|h|d|w] [visibility:leader|thread|anonymous]
 *     [members:#channel] [objective:"text"] [every:1w|2w|1mo|"&lt;cron&gt;"] [at:HH:MM]
 *     [playbook:on [mid:YYYY-MM-DD end:YYYY-MM-DD]]
 * </pre>
 * {@link QuickStartTokenizer} splits the text and tells mentions, channels and options apart; this is
 * what they mean here, in which order, and what to say when they don't fit; {@link QuickStartOptions}
 * reads the options' values. Pure Java; {@link #parse} never throws, it always returns a {@link Result},
 * and every message it writes escapes the user's own text.
 */
final class QuickStartParser {

    private static final int MAX_QUOTED = 60;

    private static final String USAGE = "`/alliance start trust @alice @bob due:3d`";

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
     * @param playbook         from {@code playbook:on} (with {@code mid:} and {@code end:}); null for none
     */
    public record Parsed(String purpose, List<String> userIds, List<String> userGroupIds,
                         List<String> memberChannelIds, String channelId, Duration due, Visibility visibility,
                         String objective, String every, LocalTime at, Playbooks.Ask playbook) implements Result {

        public Parsed {
            userIds = userIds == null ? List.of() : List.copyOf(userIds);
            userGroupIds = userGroupIds == null ? List.of() : List.copyOf(userGroupIds);
            memberChannelIds = memberChannelIds == null ? List.of() : List.copyOf(memberChannelIds);
        }

        public Parsed(String purpose, List<String> userIds, List<String> userGroupIds, List<String> memberChannelIds,
                      String channelId, Duration due, Visibility visibility, String objective, String every,
                      LocalTime at) {
            this(purpose, userIds, userGroupIds, memberChannelIds, channelId, due, visibility, objective, every, at,
                    null);
        }

        /** How the check-in repeats or runs as a playbook, for {@link StartCheckIn}. */
        StartCheckIn.Repeat repeat() {
            return new StartCheckIn.Repeat(every, at, playbook);
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
    static final class Stop extends RuntimeException {
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
        private String channelId;
        private final QuickStartOptions options = new QuickStartOptions();

        Run(String text) {
            this.text = text;
        }

        Result parse() {
            try {
                for (Token token : QuickStartTokenizer.tokenize(text)) {
                    take(token);
                }
            } catch (QuickStartTokenizer.UnclosedQuote open) {
                return new Invalid("A quote isn't closed in " + code(open.fragment()) + ". Add the closing `\"`, "
                        + "for example `objective:\"Ship the beta\"`.");
            } catch (Stop stop) {
                return new Invalid(stop.getMessage());
            }
            if (purpose == null || purpose.isEmpty()) {
                return new Invalid("Which check-in should I start? Put its name first, then the people, "
                        + "for example " + USAGE + ".");
            }
            Playbooks.Ask playbook;
            try {
                playbook = playbook();
            } catch (Stop stop) {
                return new Invalid(stop.getMessage());
            }
            return new Parsed(purpose, new ArrayList<>(users), new ArrayList<>(groups), options.memberChannelIds(),
                    channelId, options.due(), options.visibility(), options.objective(), options.every(),
                    options.at(), playbook);
        }

        /**
         * The playbook asked for, checked as far as the words go (whether the days are still ahead needs the
         * leader's calendar, and is checked when it starts); null for none.
         */
        private Playbooks.Ask playbook() {
            if (!options.playbook()) {
                if (options.mid() != null || options.end() != null) {
                    throw new Stop("`mid:` and `end:` set the days of a project kick-off playbook. Add `playbook:on`, "
                            + "for example `/alliance start kickoff @alice playbook:on mid:2027-03-15 end:2027-04-30`.");
                }
                return null;
            }
            if (!Playbooks.offered(purpose)) {
                throw new Stop("`playbook:on` works with `" + Playbooks.CHANGE + "` (Navigating change: a kick-off, a "
                        + "pulse after 2 weeks and a look back after 6) and `" + Playbooks.PROJECT + "` (Project "
                        + "kick-off: a kick-off, a mid-point and a wrap-up on days you pick), not with "
                        + code(purposeAsTyped) + ".");
            }
            if (options.every() != null) {
                throw new Stop(StartCheckIn.PLAYBOOK_AND_EVERY);
            }
            if (Playbooks.CHANGE.equals(purpose)) {
                if (options.mid() != null || options.end() != null) {
                    throw new Stop("The Navigating change playbook has its own timing (a pulse after 2 weeks, a look "
                            + "back after 6), so it takes no `mid:` or `end:`.");
                }
                return new Playbooks.Ask(purpose, null, null);
            }
            if (options.mid() == null || options.end() == null) {
                throw new Stop("A project kick-off playbook needs the days of its mid-point and wrap-up: add "
                        + "`mid:YYYY-MM-DD end:YYYY-MM-DD`, for example `mid:2027-03-15 end:2027-04-30`.");
            }
            if (!options.end().isAfter(options.mid())) {
                throw new Stop("The wrap-up (`end:`) must come after the mid-point (`mid:`).");
            }
            return new Playbooks.Ask(purpose, options.mid(), options.end());
        }

        private void take(Token token) {
            if (token instanceof Token.User user) {
                users.add(user.id());
            } else if (token instanceof Token.UserGroup group) {
                groups.add(group.id());
            } else if (token instanceof Token.Channel channel) {
                if (channelId != null && !channelId.equals(channel.id())) {
                    throw new Stop("I can post a check-in in only one channel, but you named two: <#" + channelId
                            + "> and <#" + channel.id() + ">. Keep one. To invite everyone in a channel, use "
                            + "`members:#channel` instead.");
                }
                channelId = channel.id();
            } else if (token instanceof Token.Broadcast broadcast) {
                throw new Stop("I can't start a check-in with "
                        + code("@" + broadcast.name().toLowerCase(Locale.ROOT)) + ". Name the people or a user "
                        + "group, or use `members:#channel` to include everyone in a channel.");
            } else if (token instanceof Token.OtherEntity) {
                throw new Stop("I didn't understand " + code(token.raw()) + ". After the check-in name, add people, "
                        + "a channel and options such as `due:3d`.");
            } else if (token instanceof Token.Option option) {
                options.take(option.key(), option.value());
            } else {
                word(token.raw());
            }
        }

        /** Text that is no mention: the check-in's name, once, or a mistake worth explaining. */
        private void word(String word) {
            if (word.startsWith("@")) {
                throw plainPerson(word);
            } else if (word.startsWith("#")) {
                throw plainChannel(word);
            } else if (hasQuote(word)) {
                throw new Stop("I didn't understand " + code(word) + ". Quoted text goes right after "
                        + "`objective:` or `every:`, for example `objective:\"Ship the beta\"`.");
            } else if (purpose == null) {
                purpose = unescape(word).toLowerCase(Locale.ROOT);
                purposeAsTyped = word;
            } else {
                throw new Stop("I didn't understand " + code(word) + ". The check-in is already "
                        + code(purposeAsTyped) + "; everything after it should be people, a channel, or an option: "
                        + QuickStartOptions.NAMES + ".");
            }
        }
    }

    private static Stop plainPerson(String token) {
        return new Stop(code(token) + " arrived as plain text, not as a mention, so I can't tell who that is. "
                + "Type @ and pick the person or user group from Slack's autocomplete list, so it turns into "
                + "a mention.");
    }

    static Stop plainChannel(String token) {
        return new Stop(code(token) + " arrived as plain text, not as a channel mention, so I can't tell which "
                + "channel that is. Type # and pick the channel from Slack's autocomplete list, so it turns "
                + "into a link.");
    }

    /** User text as inline code: shortened, on one line, escaped, and unable to close the code span. */
    static String code(String raw) {
        String plain = raw == null ? "" : raw;
        if (plain.length() > 4 * MAX_QUOTED) {
            plain = plain.substring(0, SlackText.safeCut(plain, 4 * MAX_QUOTED));
        }
        plain = unescape(plain).replace('`', '\'').replaceAll("\\s+", " ").strip();
        if (plain.length() > MAX_QUOTED) {
            plain = plain.substring(0, SlackText.safeCut(plain, MAX_QUOTED)) + "…";
        }
        return "`" + SlackText.escape(plain) + "`";
    }
}
