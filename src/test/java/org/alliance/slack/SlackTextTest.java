package org.alliance.slack;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The one escaping, truncation and date helper every message uses. */
class SlackTextTest {

    @Test
    void escapesSlacksControlCharactersSoNothingCanPingOrBreakFormatting() {
        assertThat(SlackText.escape("<!channel> & <@U1>")).isEqualTo("&lt;!channel&gt; &amp; &lt;@U1&gt;");
        assertThat(SlackText.escape(null)).isEmpty();
    }

    @Test
    void truncatesToTheLimitWithAnEllipsisAndLeavesShortTextAlone() {
        assertThat(SlackText.truncate("short", 5)).isEqualTo("short");
        assertThat(SlackText.truncate("a longer text", 8)).isEqualTo("a longe…").hasSize(8);
        assertThat(SlackText.truncate("two words", 5)).as("no space before the ellipsis").isEqualTo("two…");
        assertThat(SlackText.truncate(null, 3)).isNull();
    }

    @Test
    void neverSplitsAnEmojiInHalf() {
        String text = "ab\uD83D\uDE00cd"; // "ab😀cd": the emoji is two chars, at 2 and 3
        String cut = SlackText.truncate(text, 4);
        assertThat(cut).isEqualTo("ab…");
        assertThat(cut.chars().noneMatch(c -> Character.isSurrogate((char) c))).isTrue();
        assertThat(SlackText.truncate(text, 5)).isEqualTo("ab\uD83D\uDE00…");
        assertThat(SlackText.safeCut(text, 3)).isEqualTo(2);
        assertThat(SlackText.safeCut(text, 4)).isEqualTo(4);
        assertThat(SlackText.safeCut(text, 0)).isZero();
    }

    @Test
    void datesRenderInEachReadersZoneWithAUtcFallback() {
        Instant at = Instant.parse("2030-03-04T09:00:00Z");
        assertThat(SlackDates.format(at))
                .isEqualTo("<!date^" + at.getEpochSecond() + "^{date_short_pretty} at {time}|Mon 4 Mar 2030 09:00 UTC>");
        assertThat(SlackDates.date(at)).isEqualTo("<!date^" + at.getEpochSecond() + "^{date_short_pretty}|4 Mar 2030>");
    }

    @Test
    void echoesTypedTextShortOnOneLineEscapedAndUnableToCloseCode() {
        assertThat(SlackText.echo("<!everyone> `x`\n  y")).isEqualTo("&lt;!everyone&gt; 'x' y");
        String echoed = SlackText.echo("a".repeat(100_000));
        assertThat(echoed).hasSize(SlackText.ECHO_CHARS).endsWith("…");
        assertThat(SlackText.echo(null)).isEmpty();
    }
}
