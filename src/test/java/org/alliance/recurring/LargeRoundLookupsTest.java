package org.alliance.recurring;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.alliance.slack.People;
import org.alliance.support.CheckInDriver;
import org.alliance.support.FakeSlack;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A round for a channel of 300 people looks them up from two users.list pages, never one users.info
 * each, and still reaches each of them once at 10:00 on their own clock, under their own name.
 */
// Closed afterwards, so its poller can't send this test's leftover reminders into the fake Slack other tests share.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class LargeRoundLookupsTest extends RecurringScenario {

    private static final String CROWD_CHANNEL = "C0CROWD";
    private static final String THREAD_CHANNEL = "C0CROWDT";
    /** 10:00 on Monday 30 November 2026 is 09:00 UTC in Berlin, 10:00 in London and 13:00 in São Paulo. */
    private static final List<String> ZONES = List.of("Europe/Berlin", "Europe/London", "America/Sao_Paulo");
    private static final List<String> CROWD = IntStream.range(0, 300).mapToObj(i -> String.format("U3P%03d", i)).toList();

    @DynamicPropertySource
    static void manyParticipants(DynamicPropertyRegistry registry) throws java.io.IOException {
        registry.add("alliance.checkins.max-participants", () -> "1000");
        // A context of its own (for the setting above) needs a database folder of its own.
        String dataDir = java.nio.file.Files.createTempDirectory("alliance-large-round").toString();
        registry.add("alliance.embedded-mongo.data-dir", () -> dataDir);
    }

    @Autowired
    People people;

    @Test
    void aRoundForThreeHundredPeopleListsTheWorkspaceInsteadOfLookingUpEachOne() {
        for (int i = 0; i < CROWD.size(); i++) {
            slack.addUser(CROWD.get(i), "Person " + i, zone(i));
        }
        slack.addChannelMembers(CROWD_CHANNEL, CROWD.toArray(String[]::new));
        at("2026-11-29T12:00:00Z");
        String objective = objective("Crowd");
        startSeries(THREAD_CHANNEL, "trust members:<#" + CROWD_CHANNEL + "|crowd> <#" + THREAD_CHANNEL + "|crowd-thread> "
                + "every:1w at:10:00 objective:\"" + objective + "\"");
        // Setting the series up checked who is in the channel: 305 people at 200 a page.
        assertThat(slack.calls("users.list")).hasSize(2);
        assertThat(crowdUsersInfo()).isZero();

        // Monday 09:00 UTC, 10:00 in Berlin: the round starts, 21 hours after the set-up, long after the cache's 6 hours.
        at("2026-11-30T09:00:00Z");
        String round = awaitRound(objective, 1).getString("id");
        assertThat(driver.checkIn(round).getList("participants", String.class)).containsExactlyInAnyOrderElementsOf(CROWD);
        assertThat(slack.calls("users.list")).hasSize(4);
        assertThat(invited(round)).containsOnlyKeys(crowdIn("Europe/Berlin"));
        assertThat(jobs("checkin.invite", "checkInId", round)).hasSize(200).allSatisfy(j -> {
            String userId = j.get("data", Document.class).getString("userId");
            String dueAt = j.getDate("dueAt").toInstant().toString();
            assertThat(dueAt).as(userId).isEqualTo(zone(CROWD.indexOf(userId)).equals("Europe/London")
                    ? "2026-11-30T10:00:00Z" : "2026-11-30T13:00:00Z");
        });

        at("2026-11-30T09:59:00Z");
        assertThat(invited(round)).containsOnlyKeys(crowdIn("Europe/Berlin"));
        at("2026-11-30T10:00:00Z");
        assertThat(invited(round)).hasSize(200).doesNotContainKeys(crowdIn("America/Sao_Paulo").toArray(String[]::new));
        // Berlin's and London's first reminders (two hours after their invitations) come before 13:00.
        at("2026-11-30T13:00:00Z");
        Map<String, Long> invited = invited(round);
        assertThat(invited).containsOnlyKeys(CROWD).allSatisfy((u, n) -> assertThat(n).as(u).isEqualTo(1));
        assertThat(CROWD).allSatisfy(u -> assertThat(driver.response(round, u).getString("dmTs")).as(u).isNotNull());

        // Names and zones come from the listing: still no users.info for anyone in the crowd.
        assertThat(people.find(FakeSlack.TEAM_ID, "U3P123")).hasValueSatisfying(p -> {
            assertThat(p.name()).isEqualTo("Person 123");
            assertThat(p.timeZone()).isEqualTo(zone(123));
        });
        assertThat(crowdUsersInfo()).isZero();
        assertThat(slack.calls("users.list")).hasSize(4);
    }

    private static String zone(int i) {
        return ZONES.get(i % ZONES.size());
    }

    private static List<String> crowdIn(String zone) {
        return IntStream.range(0, CROWD.size()).filter(i -> zone(i).equals(zone)).mapToObj(CROWD::get).toList();
    }

    private static long crowdUsersInfo() {
        return slack.calls("users.info").stream().filter(c -> CROWD.contains(c.param("user"))).count();
    }

    /** Invitations to the round per person: top-level DMs to their user id that name it. */
    private static Map<String, Long> invited(String round) {
        return posts(c -> c.param("channel") != null && c.param("channel").startsWith("U3P") && c.param("thread_ts") == null
                && CheckInDriver.said(c).contains(round))
                .stream().collect(Collectors.groupingBy(c -> c.param("channel"), Collectors.counting()));
    }
}
