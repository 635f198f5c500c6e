package org.alliance.checkin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.alliance.support.CheckInDriver;
import org.alliance.support.FakeSlack;
import org.alliance.support.QuestionSetForm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.alliance.support.CheckInDriver.LEADER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every command example the bot prints works as printed. The examples are read from the string
 * literals in src/main (help, usage lines, refusal hints, form hints), so a new message with a
 * broken example fails here. A usage pattern with a placeholder ({@code <id>}, {@code @person…},
 * {@code [due:3d]}) is not an example; a concrete one is run through the real app, as the leader
 * would type it, with each {@code @name} sent the way Slack sends a picked person.
 */
class BotExamplesTest extends CheckInScenario {

    private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Pattern BACKTICKED = Pattern.compile("`((?:/alliance|@Alliance)(?: [^`]*)?)`");
    private static final Pattern PLAIN = Pattern.compile("(?<![`\\w/])/alliance(?: [A-Za-z0-9@#:_-]+)*");
    private static final Pattern PLACEHOLDER = Pattern.compile("[<>…\\[\\]|{}\\\\\"]");
    private static final Pattern PERSON = Pattern.compile("(?<=^| )@([A-Za-z][\\w.-]*)");
    /** The saved set the bot's examples name; saved here, as a leader would before using it. */
    private static final String SET_KEY = "quarterly";
    /** Examples built from values at run time, written out with the values the bot would use. */
    private static final List<String> BUILT_AT_RUN_TIME = List.of(
            "/alliance start " + SET_KEY + " @person",
            "/alliance templates edit " + SET_KEY,
            "/alliance templates delete " + SET_KEY);

    static Stream<String> examples() {
        TreeSet<String> found = new TreeSet<>(BUILT_AT_RUN_TIME);
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> found.addAll(examplesIn(read(f))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found.stream();
    }

    static List<String> examplesIn(String source) {
        String code = source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//.*$", "");
        List<String> examples = new ArrayList<>();
        Matcher literal = STRING_LITERAL.matcher(code);
        while (literal.find()) {
            String text = literal.group(1);
            for (Pattern p : List.of(BACKTICKED, PLAIN)) {
                Matcher m = p.matcher(text);
                while (m.find()) {
                    String example = (m.groupCount() > 0 ? m.group(1) : m.group()).strip();
                    if (!PLACEHOLDER.matcher(example).find()) {
                        examples.add(example);
                    }
                }
            }
        }
        return examples;
    }

    @Test
    void theExtractorFindsTheExamplesInTheBotsTexts() {
        List<String> all = examples().toList();
        assertThat(all).contains("/alliance start trust @alice @bob due:3d",
                "/alliance start trust @alex @sam due:3d visibility:leader", "/alliance export @Alice",
                "/alliance snooze 7d", "/alliance help", "/alliance start " + SET_KEY + " @ana");
        assertThat(all).noneMatch(e -> e.contains("<id>") || e.contains("…"));
        assertThat(examplesIn("/** `/alliance start nope @x` */ String s = \"`/alliance status \" + id + \"`\";"))
                .as("comments and examples built at run time are not read").isEmpty();
    }

    @BeforeEach
    void peopleAndTheSavedSet() {
        examples().forEach(e -> {
            Matcher m = PERSON.matcher(e);
            while (m.find()) {
                slack.addUser(userId(m.group(1)), m.group(1), "Europe/London");
            }
        });
        // Refused as a duplicate once it exists, which is fine: it only has to be there.
        QuestionSetForm.submit(requests, LEADER, QuestionSetForm.metadata("C0TEAM", null),
                QuestionSetForm.state(SET_KEY, "Quarterly review", "Look back and ahead.",
                        "What went well?\nWhat should change?"));
    }

    @AfterEach
    void backFromAnySnooze() {
        driver.command(LEADER, "C0TEAM", "snooze off");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void worksAsPrinted(String example) {
        assertThat(example).as("only slash command examples are printed today").startsWith("/alliance");
        int responds = slack.calls("respond").size();
        int views = slack.calls("views.open").size();
        HttpResponse<String> ack = driver.command(LEADER, "C0TEAM", asSlackSendsIt(example.substring("/alliance".length())));
        String reply = ackText(ack);
        if (reply.isEmpty() || reply.startsWith(":hourglass")) {
            // Opened a form, or answers after the ack: wait for what it says then.
            await().atMost(WAIT).until(() -> slack.calls("respond").size() > responds
                    || slack.calls("views.open").size() > views);
            List<FakeSlack.Call> later = slack.calls("respond");
            reply = later.size() > responds ? later.get(later.size() - 1).param("text") : "(a form opened)";
        }
        assertThat(reply).as("%s answered: %s", example, reply)
                .doesNotContain(":warning:", "I don't know the command", "Here is what I can do", "Sorry",
                        "I didn't understand", "couldn't read", "isn't a purpose", "not a purpose");
    }

    /** Slack sends a picked person as {@code <@U…|name>}. */
    private static String asSlackSendsIt(String arguments) {
        return PERSON.matcher(arguments).replaceAll(m -> "<@" + userId(m.group(1)) + "|" + m.group(1) + ">").strip();
    }

    private static String userId(String name) {
        return "U0EX" + name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
