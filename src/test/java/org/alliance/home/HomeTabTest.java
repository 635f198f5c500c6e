package org.alliance.home;

import java.time.LocalDate;
import java.time.ZoneOffset;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What Home shows when someone opens it: each section with its buttons, the empty states, drift and the cap. */
class HomeTabTest extends HomeScenario {

    @Test
    void aLeadersHomeShowsWhatWaitsForThemWhatTheyLeadAndTheirPeopleWithTheirButtons() {
        String lee = person("Lee");
        String ann = person("Ann");
        String ben = person("Ben");
        String boss = person("Boss");
        String mine = start(lee, "trust <@" + ann + "> <@" + ben + "> due:3d", 2);
        String asked = start(boss, "development <@" + lee + "> due:2d", 1);
        LocalDate due = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(5);
        assertThat(driver.submitCommitment(boss, asked, lee, "Find you a <mentor>", due).statusCode()).isEqualTo(200);
        assertThat(driver.submitCommitment(lee, mine, ann, "Book the conference", due).statusCode()).isEqualTo(200);
        String series = startSeries(lee, "collaboration <@" + ben + "> every:1w at:12:00");

        JsonObject home = openedHome(lee);

        assertThat(home.get("type").getAsString()).isEqualTo("home");
        assertThat(headers(home)).containsExactly("Waiting for you", "You lead", "Your people");
        // Waiting for you: the check-in with its Answer button, and the commitment made to them (escaped).
        JsonObject waiting = block(home, "waiting:" + asked);
        assertThat(text(waiting)).contains("<@" + boss + ">").contains("Due <!date^");
        assertThat(buttons(waiting)).containsExactly("checkin_answer=" + asked);
        assertThat(allText(home)).contains("<@" + boss + "> committed to: _Find you a &lt;mentor&gt;_");
        // You lead: progress and due time, and the series with its next round and its buttons.
        assertThat(allText(home)).contains("`" + mine + "`").contains("0 of 2 answered · due <!date^");
        assertThat(text(block(home, "series:" + series))).contains("every week at 12:00").contains("Next round");
        assertThat(buttons(block(home, "series_actions:" + series)))
                .containsExactly("series_pause=" + series, "series_stop=" + series);
        // Your people: last check-in, days since, the open commitment, History and Check in.
        assertThat(text(block(home, "person:" + ann))).contains("last check-in <!date^").contains("(today)")
                .contains("You committed to: _Book the conference_").doesNotContain(HomeLines.DRIFT_MARKER);
        assertThat(buttons(block(home, "person_actions:" + ann)))
                .containsExactly("history_open=" + ann, "start_with_person=" + ann);
        assertThat(buttons(block(home, "person_actions:" + ben)))
                .containsExactly("history_open=" + ben, "start_with_person=" + ben);
        assertThat(text(block(home, "person:" + ben))).doesNotContain("committed");
        assertThat(buttons(block(home, "start"))).containsExactly("start_open=home");
        // The commitment Boss made is between Boss and Lee: it is not in Ann's or Ben's lines.
        assertThat(text(block(home, "person:" + ann))).doesNotContain("mentor");
    }

    @Test
    void someoneNewSeesHowToStart() {
        String newcomer = person("New");

        JsonObject home = openedHome(newcomer);

        assertThat(headers(home)).containsExactly("Welcome to Alliance");
        assertThat(allText(home)).contains("How to start").contains("`/alliance`").contains("Start a check-in");
        assertThat(buttons(block(home, "start"))).containsExactly("start_open=home");
    }

    @Test
    void aParticipantSeesWhatAllianceIsAndWhoSeesTheirAnswers() {
        String lead = person("Lead");
        String pat = person("Pat");
        String id = start(lead, "trust <@" + pat + "> due:3d", 1);

        JsonObject home = openedHome(pat);

        assertThat(headers(home)).containsExactly("Waiting for you");
        assertThat(allText(home)).contains("Who sees your answers").contains("Only the leader")
                .contains("The check-in thread").contains("Anonymous").contains("leader included");
        assertThat(buttons(block(home, "waiting:" + id))).containsExactly("checkin_answer=" + id);
        assertThat(allText(home)).doesNotContain("You lead").doesNotContain("Your people");
    }

    @Test
    void someoneTooLongWithoutACheckInIsMarked() {
        String lee = person("Lee");
        String old = person("Old");
        String recent = person("Recent");
        checkedInBefore(lee, old, 40);
        checkedInBefore(lee, recent, 2);

        JsonObject home = openedHome(lee);

        assertThat(text(block(home, "person:" + old))).contains(HomeLines.DRIFT_MARKER).contains("(40 days ago)");
        assertThat(text(block(home, "person:" + recent))).doesNotContain(HomeLines.DRIFT_MARKER)
                .contains("(2 days ago)");
        // The longest without a check-in comes first.
        assertThat(blocks(home).indexOf(block(home, "person:" + old)))
                .isLessThan(blocks(home).indexOf(block(home, "person:" + recent)));
    }

    @Test
    void aLongListStopsWithinSlacksLimitAndSaysHowToSeeTheRest() {
        String lee = person("Lee");
        for (int i = 0; i < HomeView.PEOPLE + 15; i++) {
            checkedInBefore(lee, person("Many"), i);
        }

        JsonObject home = openedHome(lee);

        assertThat(blocks(home)).hasSizeLessThanOrEqualTo(100);
        assertThat(blocks(home).stream().filter(b -> b.has("block_id")
                && b.get("block_id").getAsString().startsWith("person:"))).hasSize(HomeView.PEOPLE);
        assertThat(allText(home)).contains("…and 15 more. `/alliance history @person`");
    }
}
