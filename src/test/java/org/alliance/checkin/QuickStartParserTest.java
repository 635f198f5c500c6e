package org.alliance.checkin;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Random;

import org.alliance.checkin.QuickStartParser.Invalid;
import org.alliance.checkin.QuickStartParser.Parsed;
import org.alliance.checkin.QuickStartParser.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuickStartParserTest {

    private static Parsed ok(String text) {
        Result result = QuickStartParser.parse(text);
        assertThat(result).as("parse(%s)", text).isInstanceOf(Parsed.class);
        return (Parsed) result;
    }

    private static String error(String text) {
        Result result = QuickStartParser.parse(text);
        assertThat(result).as("parse(%s)", text).isInstanceOf(Invalid.class);
        String message = ((Invalid) result).message();
        assertThat(message).isNotBlank();
        assertNoRawSlackMarkup(message);
        return message;
    }

    /** Only channel links we build ourselves, from validated ids, may appear unescaped. */
    private static void assertNoRawSlackMarkup(String message) {
        assertThat(message.replaceAll("<#[CG][A-Z0-9]+>", "")).doesNotContain("<", ">");
    }

    // ---- people ----

    @Test
    void readsBothUserMentionFormsAndBothIdPrefixes() {
        Parsed p = ok("standup <@U123ABC|alice> <@W456DEF> <@U789|carol>");

        assertThat(p.purpose()).isEqualTo("standup");
        assertThat(p.userIds()).containsExactly("U123ABC", "W456DEF", "U789");
        assertThat(p.userGroupIds()).isEmpty();
        assertThat(p.memberChannelIds()).isEmpty();
        assertThat(p.channelId()).isNull();
        assertThat(p.due()).isNull();
        assertThat(p.visibility()).isNull();
        assertThat(p.objective()).isNull();
        assertThat(p.every()).isNull();
        assertThat(p.at()).isNull();
    }

    @Test
    void keepsDuplicatePeopleOnceInFirstSeenOrder() {
        Parsed p = ok("standup <@U2|bob> <@U1|alice> <@U2> <@U3> <@U1|alice> <!subteam^S1|@devs> <!subteam^S1>");

        assertThat(p.userIds()).containsExactly("U2", "U1", "U3");
        assertThat(p.userGroupIds()).containsExactly("S1");
    }

    @Test
    void readsUserGroupsWithAndWithoutLabel() {
        Parsed p = ok("retro <!subteam^S123|@devs> <!subteam^S456>");

        assertThat(p.userGroupIds()).containsExactly("S123", "S456");
        assertThat(p.userIds()).isEmpty();
    }

    @Test
    void acceptsLabelsWithSpacesAndMentionsWithoutSpacesBetweenThem() {
        Parsed p = ok("standup <@U1|alice smith><@U2|bob>,<@U3>");

        assertThat(p.userIds()).containsExactly("U1", "U2", "U3");
    }

    @Test
    void separatesOnCommasTabsNewlinesAndNonBreakingSpaces() {
        Parsed p = ok("standup,\t<@U1>,\n<@U2>\u00A0<@U3>  , due:2d");

        assertThat(p.userIds()).containsExactly("U1", "U2", "U3");
        assertThat(p.due()).isEqualTo(Duration.ofDays(2));
    }

    @Test
    void thePurposeIsTheFirstBareWordEvenAfterPeople() {
        Parsed p = ok("<@U1|alice> <#C1|general> StandUp <@U2>");

        assertThat(p.purpose()).isEqualTo("standup");
        assertThat(p.userIds()).containsExactly("U1", "U2");
        assertThat(p.channelId()).isEqualTo("C1");
    }

    @Test
    void noPeopleIsLeftForTheStarterToJudge() {
        assertThat(ok("standup").userIds()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"standup @alice", "standup <@U1> @bob", "@alice standup"})
    void plainTextPersonAsksForAutocomplete(String text) {
        String message = error(text);

        assertThat(message).contains("plain text").contains("autocomplete").containsPattern("`@(alice|bob)`");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<!channel>", "<!here>", "<!everyone>", "<!here|here>"})
    void broadcastMentionsAreRefused(String mention) {
        String message = error("standup " + mention);

        assertThat(message).contains("`@").contains("members:#channel").doesNotContain(mention);
    }

    @Test
    void aBotOrUnknownMentionIsNotAPerson() {
        assertThat(error("standup <@B123|bot>")).contains("didn't understand").contains("`&lt;@B123|bot&gt;`");
    }

    // ---- channels ----

    @ParameterizedTest
    @CsvSource({"<#C123|general>,C123", "<#C123>,C123", "<#G9AB|secret>,G9AB", "<#C1|>,C1"})
    void readsTheThreadChannel(String mention, String id) {
        assertThat(ok("standup <@U1> " + mention).channelId()).isEqualTo(id);
    }

    @Test
    void twoDifferentChannelsAreAnError() {
        String message = error("standup <#C1|one> <@U1> <#C2|two>");

        assertThat(message).contains("only one channel").contains("<#C1>").contains("<#C2>")
                .contains("members:#channel");
    }

    @Test
    void theSameChannelTwiceIsHarmless() {
        assertThat(ok("standup <#C1|one> <#C1>").channelId()).isEqualTo("C1");
    }

    @Test
    void plainTextChannelAsksForAutocomplete() {
        String message = error("standup <@U1> #general");

        assertThat(message).contains("`#general`").contains("plain text").contains("autocomplete");
    }

    @Test
    void membersAddsChannelsAndMayRepeat() {
        Parsed p = ok("standup members:<#C1|team> <#C9|thread-here> members:<#G2> MEMBERS:<#C1|team>");

        assertThat(p.memberChannelIds()).containsExactly("C1", "G2");
        assertThat(p.channelId()).isEqualTo("C9");
        assertThat(p.userIds()).isEmpty();
    }

    @Test
    void membersWithASpaceAfterTheColonStillWorks() {
        assertThat(ok("standup members: <#C1|team>").memberChannelIds()).containsExactly("C1");
    }

    @Test
    void membersWithPlainTextChannelAsksForAutocomplete() {
        assertThat(error("standup members:#team")).contains("`#team`").contains("autocomplete");
    }

    @ParameterizedTest
    @ValueSource(strings = {"members:<@U1|alice>", "members:team", "members:<!subteam^S1|@devs>"})
    void membersTakesOnlyAChannel(String option) {
        assertThat(error("standup " + option)).contains("isn't a channel").contains("`members:");
    }

    // ---- due ----

    @ParameterizedTest
    @CsvSource({"due:30m,PT30M", "due:4h,PT4H", "due:3d,P3D", "due:2w,P14D", "due:3D,P3D", "DUE:1H,PT1H",
            "due:\"2d\",P2D", "due:365d,P365D"})
    void readsWholeNumbersWithAUnit(String option, String expected) {
        assertThat(ok("standup <@U1> " + option).due()).isEqualTo(Duration.parse(expected));
    }

    @Test
    void acceptsASpaceAfterTheColon() {
        assertThat(ok("standup due: 3d <@U1>").due()).isEqualTo(Duration.ofDays(3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"due:0d", "due:-1d", "due:soon", "due:3", "due:d", "due:1.5h", "due:3y", "due:3 d",
            "due:0m", "due:99999999999999999999d"})
    void refusesAnythingElseSayingItMustBeInTheFuture(String option) {
        String message = error("standup " + option);

        assertThat(message).contains("must be in the future").contains("`due:3d`");
    }

    @Test
    void namesTheBadValue() {
        assertThat(error("standup due:soon")).contains("`due:soon`");
    }

    @ParameterizedTest
    @ValueSource(strings = {"due:366d", "due:53w", "due:999999999w", "due:9000h"})
    void refusesDueTimesMoreThanAYearAway(String option) {
        assertThat(error("standup " + option)).contains("too far away");
    }

    @Test
    void aMissingValueSaysHowToWriteIt() {
        assertThat(error("standup due:")).contains("`due:`").contains("needs a value").contains("`due:3d`");
        assertThat(error("standup due: visibility:thread")).contains("needs a value");
    }

    @Test
    void escapesAMentionGivenAsTheValue() {
        String message = error("standup due:<!channel>");

        assertThat(message).doesNotContain("<!channel>").contains("`due:&lt;!channel&gt;`");
    }

    @Test
    void givingItTwiceIsAnError() {
        assertThat(error("standup due:1d due:2d")).contains("`due:`").contains("more than once");
    }

    // ---- visibility option ----

    @ParameterizedTest
    @CsvSource({"visibility:leader,LEADER", "visibility:thread,THREAD", "visibility:anonymous,ANONYMOUS",
            "vis:thread,THREAD", "vis:anon,ANONYMOUS", "Visibility:Leader,LEADER", "vis:\u201Cthread\u201D,THREAD"})
    void readsTheWords(String option, Visibility expected) {
        assertThat(ok("standup " + option + " <@U1>").visibility()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"visibility:everyone", "vis:secret", "visibility:\"\""})
    void unknownWordsListTheChoices(String option) {
        String message = error("standup " + option);

        assertThat(message).contains("leader").contains("thread").contains("anonymous");
    }

    @Test
    void visAndVisibilityCountAsTheSameOption() {
        assertThat(error("standup vis:thread visibility:leader")).contains("more than once");
    }

    @Test
    void escapesTheValue() {
        assertThat(error("standup vis:&lt;b&gt;x&amp;y")).contains("`vis:&lt;b&gt;x&amp;y`")
                .doesNotContain("<b>");
    }

    // ---- objective ----

    @Test
    void keepsQuotedTextWithSpaces() {
        Parsed p = ok("standup <@U1> objective:\"Ship the beta by Friday\" due:2d");

        assertThat(p.objective()).isEqualTo("Ship the beta by Friday");
        assertThat(p.due()).isEqualTo(Duration.ofDays(2));
        assertThat(p.userIds()).containsExactly("U1");
    }

    @Test
    void acceptsCurlyQuotes() {
        assertThat(ok("standup objective:\u201CShip the beta\u201D <@U1>").objective()).isEqualTo("Ship the beta");
    }

    @Test
    void keepsCommasAndOptionLookalikesInsideQuotes() {
        Parsed p = ok("standup objective:\"a, b, due:1d and #stuff @bob\"");

        assertThat(p.objective()).isEqualTo("a, b, due:1d and #stuff @bob");
        assertThat(p.due()).isNull();
    }

    @Test
    void acceptsOneUnquotedWordAndASpaceAfterTheColon() {
        assertThat(ok("standup objective:velocity").objective()).isEqualTo("velocity");
        assertThat(ok("standup objective: \"Ship it\"").objective()).isEqualTo("Ship it");
    }

    @Test
    void undoesSlacksEscaping() {
        assertThat(ok("standup objective:\"R&amp;D &lt;fast&gt;\"").objective()).isEqualTo("R&D <fast>");
    }

    @Test
    void emptyTextIsAnError() {
        assertThat(error("standup objective:\"  \"")).contains("`objective:` needs some text");
    }

    @ParameterizedTest
    @ValueSource(strings = {"standup objective:\"Ship the beta", "standup objective:\u201CShip", "standup \"",
            "\"standup <@U1>"})
    void anUnclosedQuoteIsAnError(String text) {
        assertThat(error(text)).contains("quote isn't closed");
    }

    @Test
    void quotedTextWithoutAnOptionIsAnError() {
        assertThat(error("standup \"ship it\"")).contains("`\"ship it\"`").contains("objective:");
    }

    // ---- recurring ----

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "every:1w|1w",
            "every:2w|2w",
            "every:1mo|1mo",
            "every:1MO|1mo",
            "every:\"1w\"|1w",
            "every:\"0 9 * * MON\"|0 9 * * MON",
            "every:\"0 0 9 ? * MON-FRI\"|0 0 9 ? * MON-FRI",
            "every:\u201C30 16  * * 1,3\u201D|30 16 * * 1,3"})
    void readsSchedules(String option, String expected) {
        assertThat(ok("standup <@U1> " + option).every()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"every:3w", "every:day", "every:*", "every:\"* * * *\"", "every:\"0 0 9 * * ? 2030\"",
            "every:\"0 9 * * &lt;b&gt;\"", "every:0_9_*_*_1"})
    void refusesOtherSchedules(String option) {
        String message = error("standup " + option);

        assertThat(message).contains("`every:1w`").contains("`every:2w`").contains("`every:1mo`")
                .contains("cron");
    }

    @ParameterizedTest
    @CsvSource({"at:09:30,09:30", "at:9:05,09:05", "at:00:00,00:00", "at:23:59,23:59", "AT:16:00,16:00"})
    void readsTimes(String option, LocalTime expected) {
        assertThat(ok("standup every:1w " + option).at()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"at:24:00", "at:12:60", "at:9:5", "at:noon", "at:9am", "at:0930", "at:-1:00"})
    void refusesOtherTimes(String option) {
        assertThat(error("standup " + option)).contains("24-hour HH:MM").contains("`at:09:30`");
    }

    // ---- mistakes ----

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "<@U1|alice> <@U2>", "due:3d vis:thread", "<#C1>"})
    void aPurposeIsRequired(String text) {
        assertThat(error(text)).contains("Which check-in").contains("/alliance start trust");
    }

    @Test
    void namesAnUnknownOption() {
        String message = error("standup <@U1> colour:blue");

        assertThat(message).contains("`colour:`").contains("due:").contains("every:");
    }

    @Test
    void namesAStrayWordAfterThePurpose() {
        String message = error("standup <@U1> and <@U2>");

        assertThat(message).contains("`and`").contains("`standup`");
    }

    @Test
    void escapesAStrayWord() {
        String message = error("standup &lt;script&gt;&amp;");

        assertThat(message).contains("`&lt;script&gt;&amp;`").doesNotContain("<script>");
    }

    @Test
    void escapesAnUnknownEntity() {
        String message = error("standup <https://example.com|link>");

        assertThat(message).contains("&lt;https://example.com|link&gt;");
    }

    @Test
    void escapesAPurposeQuotedBack() {
        String message = error("q&amp;a&lt;x&gt; extra");

        assertThat(message).contains("`q&amp;a&lt;x&gt;`").contains("`extra`");
    }

    @Test
    void thePurposeIsUnescaped() {
        assertThat(ok("Q&amp;A").purpose()).isEqualTo("q&a");
    }

    @Test
    void quotesOnlyAShortPieceOfVeryLongText() {
        String message = error("standup " + "x".repeat(10_000));

        assertThat(message).hasSizeLessThan(600).contains("…");
    }

    @Test
    void backticksCannotCloseTheCodeSpan() {
        String message = error("standup `oops`");

        assertThat(message).contains("`'oops'`");
    }

    // ---- everything ----

    @Test
    void readsAFullCommand() {
        Parsed p = ok("Standup <@U1|alice> <!subteam^S1|@devs> <#C9|team> due:2d vis:anonymous "
                + "members:<#C5|eng> objective:\u201CShip it\u201D every:\"0 9 * * 1\" at:09:15 <@W2>");

        assertThat(p).isEqualTo(new Parsed("standup", List.of("U1", "W2"), List.of("S1"), List.of("C5"), "C9",
                Duration.ofDays(2), Visibility.ANONYMOUS, "Ship it", "0 9 * * 1", LocalTime.of(9, 15)));
    }

    @Test
    void parsedListsAreImmutableAndNeverNull() {
        Parsed p = new Parsed("standup", null, null, null, null, null, null, null, null, null);

        assertThat(p.userIds()).isEmpty();
        assertThat(p.userGroupIds()).isEmpty();
        assertThat(p.memberChannelIds()).isEmpty();
        assertThatThrownBy(() -> ok("standup <@U1>").userIds().add("U2"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void toRequestUsesTheGivenChannel() {
        Parsed p = ok("standup <@U1> <!subteam^S1> members:<#C5> <#C9> due:4h vis:thread objective:\"Go\"");

        StartRequest r = QuickStartParser.toRequest(p, "T1", "ULEAD", "CDEFAULT", "1700000000.000100");

        assertThat(r).isEqualTo(new StartRequest("T1", "ULEAD", "standup", "Go", List.of(), List.of("U1"),
                List.of("S1"), List.of("C5"), "C9", "1700000000.000100", Visibility.THREAD, Duration.ofHours(4),
                null));
    }

    @Test
    void toRequestFallsBackToTheDefaultChannel() {
        StartRequest r = QuickStartParser.toRequest(ok("retro <@U1>"), "T1", "ULEAD", "CDEFAULT", null);

        assertThat(r.channelId()).isEqualTo("CDEFAULT");
        assertThat(r.threadTs()).isNull();
        assertThat(r.customQuestions()).isEmpty();
        assertThat(r.dueIn()).isNull();
        assertThat(r.dueAt()).isNull();
        assertThat(r.visibility()).isNull();
        assertThat(r.objective()).isNull();
    }

    // ---- never throws ----

    @ParameterizedTest
    @ValueSource(strings = {"<", ">", "<<<<", ">>>>", "<@", "<@U1", "<@U1|", "<#>", "<!subteam^>", ":", "::",
            "due", "due:", "a:b:c", "\u201D", "\u201C\u201D", "\"\"", "&", "&amp", "&lt;", "@", "#", ",,,",
            "standup <@U1|a<@U2>", "standup <<@U1>>", "\uD83D\uDE00", "standup \uD83D\uDE00"})
    void oddInputs(String text) {
        assertThat(QuickStartParser.parse(text)).isNotNull();
    }

    @Test
    void veryLongInputs() {
        for (String piece : List.of("<", "\"", "<@U1> ", "a ", "due:", "\u201C", "&lt;", " ", "<#C1|x",
                "objective:\"" + "y".repeat(50))) {
            Result result = QuickStartParser.parse("standup " + piece.repeat(200_000 / piece.length()));
            assertThat(result).isNotNull();
            if (result instanceof Invalid invalid) {
                assertThat(invalid.message()).hasSizeLessThan(1_000);
                assertNoRawSlackMarkup(invalid.message());
            }
        }
    }

    @Test
    void randomGarbage() {
        String alphabet = "ab :\"\u201C\u201D<>@#!|^&;,-_UWCGS019dhmw\t\n\u00A0\uD83D\uDE00`";
        Random random = new Random(42);
        for (int run = 0; run < 5_000; run++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            Result result = QuickStartParser.parse(text.toString());
            assertThat(result).as("parse(%s)", text).isNotNull();
            if (result instanceof Invalid invalid) {
                assertThat(invalid.message()).isNotBlank();
                assertNoRawSlackMarkup(invalid.message());
            } else {
                assertThat(((Parsed) result).purpose()).isNotBlank();
            }
        }
    }
}
