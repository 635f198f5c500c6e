package org.alliance.checkin;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.alliance.support.CheckInDriver.LEADER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A scale answer reads "3 / 5" wherever it is shown: the leader's DM, status and the export file. */
class ScaleWordingTest extends CheckInScenario {

    @Test
    void aScaleAnswerReadsThreeOutOfFiveInStatusAndExport() {
        String id = driver.start("trust <@U0ALICE> <@U0BOB>", 2);
        driver.submitAnswers("U0ALICE", id, Map.of("important", "Honesty " + id, "openness", "3"));
        awaitAnswerShownInDm(id, "U0ALICE", "Honesty " + id);

        assertThat(ackText(driver.command(LEADER, "C0TEAM", "status " + id)))
                .contains("Honesty " + id).contains("> 3 / 5");

        assertThat(ackText(driver.command(LEADER, "C0TEAM", "export " + id))).isNotBlank();
        String csv = await().atMost(WAIT).until(() -> slack.sharedFiles().stream()
                .map(f -> new String(f.content(), StandardCharsets.UTF_8)).filter(t -> t.contains(id))
                .findFirst().orElse(null), t -> t != null);
        assertThat(csv).contains("3 / 5");
    }
}
