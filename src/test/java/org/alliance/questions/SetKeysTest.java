package org.alliance.questions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SetKeysTest {

    @ParameterizedTest
    @ValueSource(strings = {"quarterly", "q2-review", "ab", "one-on-one-2030", "abcdefghijabcdefghijabcdefghij"})
    void acceptsShortLowerCaseWordsWithDigitsAndDashes(String key) {
        assertThat(SetKeys.problemWith(key)).isEmpty();
    }

    @Test
    void normalizesWhatWasTyped() {
        assertThat(SetKeys.normalize("  Quarterly ")).isEqualTo("quarterly");
        assertThat(SetKeys.normalize(null)).isEmpty();
    }

    @Test
    void refusesAMissingKey() {
        assertThat(SetKeys.problemWith("")).hasValueSatisfying(p -> assertThat(p).contains("short key"));
    }

    @Test
    void refusesKeysTooLongOrTooShort() {
        assertThat(SetKeys.problemWith("a".repeat(31))).hasValueSatisfying(p -> assertThat(p)
                .contains("30 characters").contains("(it has 31)"));
        assertThat(SetKeys.problemWith("a")).hasValueSatisfying(p -> assertThat(p).contains("at least 2"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"quarterly review", "q_2", "2024", "-quarterly", "quarterly-", "réunion", "qu@rter",
            "Quarterly", "<!channel>"})
    void refusesAnythingButLowerCaseLettersDigitsAndDashes(String key) {
        assertThat(SetKeys.problemWith(key)).hasValueSatisfying(p -> assertThat(p)
                .contains("lower-case letters, digits and dashes"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "trust", "collaboration", "change", "performance", "kickoff", "custom"})
    void refusesTheBuiltInPurposes(String key) {
        assertThat(SetKeys.isReserved(key)).isTrue();
        assertThat(SetKeys.problemWith(key)).hasValueSatisfying(p -> assertThat(p)
                .contains("\"" + key + "\" is a built-in purpose"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"new", "edit", "delete"})
    void refusesTheWordsOfTheTemplatesCommand(String key) {
        assertThat(SetKeys.problemWith(key)).hasValueSatisfying(p -> assertThat(p)
                .contains("is a word of /alliance templates"));
    }
}
