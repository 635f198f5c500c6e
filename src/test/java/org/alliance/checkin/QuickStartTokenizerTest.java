package org.alliance.checkin;

import java.util.List;

import org.alliance.checkin.QuickStartTokenizer.Token;
import org.alliance.checkin.QuickStartTokenizer.UnclosedQuote;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuickStartTokenizerTest {

    private static List<String> raws(String text) {
        return QuickStartTokenizer.tokenize(text).stream().map(Token::raw).toList();
    }

    @Test
    void splitsOnAnyWhitespaceAndCommas() {
        assertThat(QuickStartTokenizer.split("  standup\t<@U1>,<@U2>\n\ndue:3d\u00A0at:09:30\u3000 "))
                .containsExactly("standup", "<@U1>", "<@U2>", "due:3d", "at:09:30");
        assertThat(QuickStartTokenizer.tokenize(" \t\n\u2003")).isEmpty();
        assertThat(QuickStartTokenizer.tokenize("")).isEmpty();
    }

    @Test
    void keepsQuotedTextInOneWordWithStraightOrCurlyQuotes() {
        assertThat(QuickStartTokenizer.split("objective:\"Ship the beta\" every:\u201C0 9 * * MON\u201D"))
                .containsExactly("objective:\"Ship the beta\"", "every:\u201C0 9 * * MON\u201D");
        assertThat(QuickStartTokenizer.split("\"a, b\" c")).containsExactly("\"a, b\"", "c");
    }

    @Test
    void anUnclosedQuoteNamesTheWordItBegan() {
        assertThatThrownBy(() -> QuickStartTokenizer.tokenize("standup objective:\"Ship the beta"))
                .isInstanceOfSatisfying(UnclosedQuote.class,
                        e -> assertThat(e.fragment()).isEqualTo("objective:\"Ship the beta"));
    }

    @Test
    void keepsASlackEntityWholeEvenWithSpacesInside() {
        assertThat(QuickStartTokenizer.split("<#C1|my team> <@U1><@U2|bo b>x"))
                .containsExactly("<#C1|my team>", "<@U1>", "<@U2|bo b>x");
        assertThat(QuickStartTokenizer.split("a < b")).containsExactly("a", "<", "b");
    }

    @Test
    void tellsSlackTokensApart() {
        assertThat(QuickStartTokenizer.tokenize("<@U1|alice> <@W2> <!subteam^S3|@devs> <#C4|general> <#G5> "
                + "<!here> <!Channel|@channel> <!date^1|x> <http://x.example>"))
                .containsExactly(
                        new Token.User("<@U1|alice>", "U1"),
                        new Token.User("<@W2>", "W2"),
                        new Token.UserGroup("<!subteam^S3|@devs>", "S3"),
                        new Token.Channel("<#C4|general>", "C4"),
                        new Token.Channel("<#G5>", "G5"),
                        new Token.Broadcast("<!here>", "here"),
                        new Token.Broadcast("<!Channel|@channel>", "Channel"),
                        new Token.OtherEntity("<!date^1|x>"),
                        new Token.OtherEntity("<http://x.example>"));
    }

    @Test
    void plainMentionsAndNamesAreWords() {
        assertThat(QuickStartTokenizer.tokenize("Standup @alice #general caf\u00E9 \uD83D\uDE80"))
                .containsExactly(new Token.Word("Standup"), new Token.Word("@alice"), new Token.Word("#general"),
                        new Token.Word("caf\u00E9"), new Token.Word("\uD83D\uDE80"));
    }

    @Test
    void readsKeyValueOptionsWithTheKeyAsTyped() {
        assertThat(QuickStartTokenizer.tokenize("Due:3d members:<#C1|x> objective:\"a b\" at:10:00"))
                .containsExactly(
                        new Token.Option("Due:3d", "Due", "3d"),
                        new Token.Option("members:<#C1|x>", "members", "<#C1|x>"),
                        new Token.Option("objective:\"a b\"", "objective", "\"a b\""),
                        new Token.Option("at:10:00", "at", "10:00"));
    }

    @Test
    void aBareKeyTakesTheNextWordUnlessThatIsAnOption() {
        assertThat(QuickStartTokenizer.tokenize("due: 3d objective: \u201CShip it\u201D"))
                .containsExactly(
                        new Token.Option("due: 3d", "due", "3d"),
                        new Token.Option("objective: \u201CShip it\u201D", "objective", "\u201CShip it\u201D"));
        assertThat(QuickStartTokenizer.tokenize("due: at:10:00 every:"))
                .containsExactly(
                        new Token.Option("due:", "due", ""),
                        new Token.Option("at:10:00", "at", "10:00"),
                        new Token.Option("every:", "every", ""));
    }

    @Test
    void aColonThatDoesNotFollowAKeyIsPartOfAWord() {
        assertThat(raws("9:30 :x _a:b")).containsExactly("9:30", ":x", "_a:b");
        assertThat(QuickStartTokenizer.tokenize("9:30 :x _a:b")).allMatch(t -> t instanceof Token.Word);
    }

    @Test
    void unescapesWhatSlackEscaped() {
        assertThat(QuickStartTokenizer.unescape("R&amp;D &lt;b&gt; &amp;lt; &quot;"))
                .isEqualTo("R&D <b> &lt; &quot;");
        assertThat(QuickStartTokenizer.unquote("\u201Cx y\u201D")).isEqualTo("x y");
        assertThat(QuickStartTokenizer.unquote("\"")).isEqualTo("\"");
    }
}
