package org.alliance.export;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonParser;
import com.mongodb.client.MongoDatabase;
import org.alliance.support.AllianceIntegrationTest;
import org.alliance.support.CheckInDriver;
import org.alliance.support.FakeSlack;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.alliance.support.Acks.ackText;
import static org.alliance.support.CheckInDriver.LEADER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code /alliance export} through the real Bolt app; the CSV is read back from what reached the fake Slack. */
class ExportTest extends AllianceIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    MongoDatabase db;

    CheckInDriver driver;

    @BeforeEach
    void driver() {
        driver = new CheckInDriver(slack, requests, db);
        slack.addUser("U0ZOE", "Zoë Ærø", "Europe/Oslo");
    }

    @Test
    void theLeaderGetsACheckInAsACsvInTheirDmUploadedInThreeSteps() throws IOException {
        String id = driver.start("trust <@U0ALICE> <@U0BOB> <@U0ZOE> visibility:leader", 3);
        driver.submitAnswers("U0ALICE", id, Map.of("important", "=HYPERLINK(\"http://evil\",\"x\")",
                "managed", "+1 more", "feedback", "-straight", "openness", "4"));
        driver.submitAnswers("U0ZOE", id, Map.of("important", "@channel café 😀 – ok"));
        driver.submitSkip("U0BOB", id, "Zu früh, später");
        driver.awaitResponseStatus(id, "U0ALICE", "ANSWERED");
        driver.awaitResponseStatus(id, "U0ZOE", "ANSWERED");
        driver.awaitResponseStatus(id, "U0BOB", "SKIPPED");
        slack.reset();
        slack.addUser("U0ZOE", "Zoë Ærø", "Europe/Oslo");

        String reply = export(LEADER, id.toLowerCase());

        assertThat(reply).contains("alliance-checkin-" + id + ".csv").contains("6 rows").contains("in your DM");
        // The comment goes to the user id first (its answer names the DM, which completeUploadExternal needs,
        // so no conversations.open and no im:write), then the three upload steps, in order.
        List<String> steps = List.of("chat.postMessage", "conversations.open", "files.getUploadURLExternal", "upload",
                "files.completeUploadExternal");
        assertThat(slack.calls()).filteredOn(c -> steps.contains(c.method()))
                .filteredOn(c -> !c.method().equals("chat.postMessage") || (LEADER.equals(c.param("channel"))
                        && c.param("text").contains("Your export of check-in")))
                .extracting(FakeSlack.Call::method)
                .containsExactly("chat.postMessage", "files.getUploadURLExternal", "upload",
                        "files.completeUploadExternal");

        FakeSlack.Call getUrl = slack.lastCall("files.getUploadURLExternal").orElseThrow();
        FakeSlack.Call complete = slack.lastCall("files.completeUploadExternal").orElseThrow();
        FakeSlack.SharedFile file = onlySharedFile();
        assertThat(getUrl.param("filename")).isEqualTo("alliance-checkin-" + id + ".csv");
        assertThat(getUrl.param("length")).isEqualTo(String.valueOf(file.content().length));
        assertThat(complete.param("channel_id")).isEqualTo("D" + LEADER);
        assertThat(file.channelId()).isEqualTo("D" + LEADER);
        assertThat(file.title()).isEqualTo("Check-in " + id + ": Building trust");

        assertThat(file.content()).startsWith(0xEF, 0xBB, 0xBF);
        List<CSVRecord> rows = parse(file);
        assertThat(rows.get(0).values()).containsExactlyElementsOf(ExportRows.HEADER);
        List<CSVRecord> data = rows.subList(1, rows.size());
        assertThat(data).hasSize(6).allSatisfy(r -> {
            assertThat(r.get(0)).isEqualTo(id);
            assertThat(r.get(3)).isEqualTo("leader");
            assertThat(r.get(4)).isEqualTo("Lee");
            // Everyone answered or skipped, so it completed: it has an end time.
            assertThat(r.get(7)).isNotEmpty();
            assertThat(r.get(8)).isEqualTo("completed");
        });
        assertThat(cells(data, "U0ALICE", 16)).containsExactly("'=HYPERLINK(\"http://evil\",\"x\")",
                "'+1 more", "'-straight", "4 / 5");
        assertThat(cells(data, "U0ALICE", 14)).containsExactly("1", "2", "3", "4");
        assertThat(cells(data, "U0ALICE", 9)).containsOnly("Alice");
        assertThat(cells(data, "U0ZOE", 16)).containsExactly("'@channel café 😀 – ok");
        assertThat(cells(data, "U0ZOE", 9)).containsExactly("Zoë Ærø");
        assertThat(cells(data, "U0ZOE", 15)).containsExactly("What is important for you in your work?");
        CSVRecord bob = data.stream().filter(r -> r.get(10).equals("U0BOB")).findFirst().orElseThrow();
        assertThat(bob.get(11)).isEqualTo("skipped");
        assertThat(bob.get(13)).isEqualTo("Zu früh, später");
        assertThat(bob.get(15)).isEmpty();
    }

    @Test
    void withAPersonTheLeaderGetsOnlyTheirCheckInsWithoutAnonymousAnswersAndThePersonGetsAllTheirOwn()
            throws IOException {
        // Someone no other test asks, since every test shares one database.
        slack.addUser("U0PAT", "Pat", "Europe/Dublin");
        String led = driver.start("trust <@U0PAT> visibility:leader", 1);
        driver.submitAnswers("U0PAT", led, Map.of("important", "first-" + led));
        String anon = driver.start("trust <@U0PAT> <@U0BOB> <@U0CAROL> visibility:anonymous", 3);
        driver.submitAnswers("U0PAT", anon, Map.of("important", "anon-secret-" + anon));
        String carols = driver.startAs("U0CAROL", "C0TEAM", "trust <@U0PAT> visibility:leader", 1);
        driver.submitAnswers("U0PAT", carols, Map.of("important", "for-carol-" + carols));
        for (String id : List.of(led, anon, carols)) {
            driver.awaitResponseStatus(id, "U0PAT", "ANSWERED");
        }

        assertThat(export(LEADER, "<@U0PAT|pat>")).contains("alliance-with-U0PAT-").contains("2 rows");
        FakeSlack.SharedFile withAlice = onlySharedFile();
        assertThat(withAlice.channelId()).isEqualTo("D" + LEADER);
        assertThat(withAlice.title()).isEqualTo("Check-ins with Pat");
        List<CSVRecord> rows = parse(withAlice).subList(1, 3);
        assertThat(rows).extracting(r -> r.get(0)).containsExactly(led, anon);
        assertThat(rows.get(0).get(16)).isEqualTo("first-" + led);
        assertThat(rows.get(1).get(10)).isEqualTo("U0PAT");
        assertThat(rows.get(1).get(11)).isEqualTo("answered");
        assertThat(rows.get(1).get(12)).as("no answer time in an anonymous check-in").isEmpty();
        assertThat(rows.get(1).get(16)).isEmpty();
        assertThat(rows.get(1).get(17)).isEqualTo(ExportRows.WITHHELD_NOTE);
        assertThat(withAlice.text()).doesNotContain("anon-secret").doesNotContain("for-carol");

        slack.reset();
        slack.addUser("U0PAT", "Pat", "Europe/Dublin");
        assertThat(export("U0PAT", "me")).contains("alliance-my-answers-").contains("3 rows");
        FakeSlack.SharedFile mine = onlySharedFile();
        assertThat(mine.channelId()).isEqualTo("DU0PAT");
        List<CSVRecord> own = parse(mine).subList(1, 4);
        assertThat(own).extracting(r -> r.get(0)).containsExactly(led, anon, carols);
        assertThat(own).extracting(r -> r.get(16))
                .containsExactly("first-" + led, "anon-secret-" + anon, "for-carol-" + carols);
        assertThat(own).extracting(r -> r.get(10)).containsOnly("U0PAT");
        assertThat(own).extracting(r -> r.get(4)).containsExactly("Lee", "Lee", "Carol");
    }

    @Test
    void anAnonymousCheckInExportsWithoutNamesOnceEnoughAnswered() throws IOException {
        String id = driver.start("trust <@U0ALICE> <@U0BOB> <@U0CAROL> visibility:anonymous", 3);
        Map<String, String> said = Map.of("U0ALICE", "alice-" + id, "U0BOB", "bob-" + id, "U0CAROL", "carol-" + id);
        said.forEach((user, answer) -> driver.submitAnswers(user, id, Map.of("important", answer, "openness", "3")));
        driver.awaitStatus(id, "COMPLETED");
        slack.reset();

        assertThat(export(LEADER, id)).contains("6 rows");
        FakeSlack.SharedFile file = onlySharedFile();
        List<CSVRecord> data = parse(file).subList(1, 7);
        assertThat(data).allSatisfy(r -> {
            assertThat(r.get(9)).isEmpty();
            assertThat(r.get(10)).isEmpty();
            assertThat(r.get(12)).isEmpty();
            assertThat(r.get(13)).isEmpty();
            assertThat(r.get(17)).isEqualTo(ExportRows.ANONYMOUS_NOTE);
        });
        assertThat(data.subList(0, 3)).extracting(r -> r.get(16)).containsExactlyInAnyOrderElementsOf(said.values());
        assertThat(data.subList(3, 6)).extracting(r -> r.get(16)).containsOnly("3 / 5");
        String text = file.text();
        for (String who : List.of("U0ALICE", "U0BOB", "U0CAROL", "Alice", "Bob", "Carol")) {
            assertThat(text).doesNotContain(who);
        }
    }

    @Test
    void anAnonymousCheckInStillOpenOrBelowItsThresholdHasNothingToExport() {
        String id = driver.start("trust <@U0ALICE> <@U0BOB> <@U0CAROL> <@U0DAN> visibility:anonymous", 4);
        driver.submitAnswers("U0ALICE", id, Map.of("important", "a-" + id));
        driver.submitAnswers("U0BOB", id, Map.of("important", "b-" + id));
        driver.awaitResponseStatus(id, "U0BOB", "ANSWERED");

        assertThat(export(LEADER, id)).contains("anonymous and still open").contains("at least 3");
        driver.command(LEADER, "C0TEAM", "stop " + id);
        driver.awaitStatus(id, "STOPPED");
        assertThat(export(LEADER, id)).contains("only 2 answered, fewer than the 3 needed")
                .contains("nothing to export");
        assertThat(slack.sharedFiles()).isEmpty();
        assertThat(slack.calls("files.getUploadURLExternal")).isEmpty();
    }

    @Test
    void onlyTheLeaderExportsACheckInAndUnknownIdsAndNamesAreExplained() {
        String id = driver.start("trust <@U0ALICE> visibility:thread", 1);

        assertThat(export("U0ALICE", id)).contains("Only <@" + LEADER + ">").contains("`/alliance export me`");
        assertThat(export(LEADER, "NOPE99")).contains("can't find a check-in with the id `NOPE99`");
        assertThat(export("U0DAN", "<@U0ALICE|alice>")).contains("haven't led a check-in that asked <@U0ALICE>");
        assertThat(ackText(driver.command(LEADER, "C0TEAM", "export"))).contains("What should I export?");
        assertThat(ackText(driver.command(LEADER, "C0TEAM", "export @alice"))).contains("couldn't tell who");
        assertThat(slack.sharedFiles()).isEmpty();
        assertThat(slack.calls("files.getUploadURLExternal")).isEmpty();
    }

    @Test
    void aFailedUploadIsExplained() {
        String id = driver.start("trust <@U0ALICE> visibility:leader", 1);
        slack.failNext("files.completeUploadExternal", "not_allowed_token_type");

        assertThat(export(LEADER, id)).contains("couldn't send your export").contains("not_allowed_token_type");
        assertThat(slack.sharedFiles()).isEmpty();
    }

    /** Sends {@code /alliance export <args>}, checks the immediate ack, and returns the reply sent after it. */
    private String export(String userId, String args) {
        int before = slack.calls("respond").size();
        assertThat(ackText(driver.command(userId, "C0TEAM", "export " + args))).isEqualTo(ExportCommand.PREPARING);
        return await().atMost(WAIT).until(() -> {
            List<FakeSlack.Call> responds = slack.calls("respond");
            return responds.size() > before ? responds.get(responds.size() - 1).param("text") : null;
        }, t -> t != null);
    }

    private static FakeSlack.SharedFile onlySharedFile() {
        return await().atMost(WAIT).until(slack::sharedFiles, f -> !f.isEmpty()).get(0);
    }

    private static List<CSVRecord> parse(FakeSlack.SharedFile file) throws IOException {
        String text = file.text();
        assertThat(text).startsWith("\uFEFF");
        return CSVFormat.EXCEL.parse(new StringReader(text.substring(1))).getRecords();
    }

    private static List<String> cells(List<CSVRecord> rows, String personId, int column) {
        return rows.stream().filter(r -> r.get(10).equals(personId)).map(r -> r.get(column)).toList();
    }
}
