package org.alliance.checkin;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A long status fits Slack's 3000-character sections, cut at line ends, with nothing lost. */
class NudgeButtonTest {

    @Test
    void aLongStatusIsCutIntoSectionsAtLineEnds() {
        String line = "x".repeat(99);
        String text = String.join("\n", java.util.Collections.nCopies(100, line));
        List<String> sections = NudgeButton.sections(text);
        assertThat(sections).hasSizeGreaterThan(3).allSatisfy(s -> assertThat(s.length()).isLessThanOrEqualTo(3000));
        assertThat(sections).allSatisfy(s -> assertThat(s).startsWith("x").endsWith("x"));
        assertThat(String.join("\n", sections)).isEqualTo(text);
        assertThat(NudgeButton.sections("short")).containsExactly("short");
    }
}
