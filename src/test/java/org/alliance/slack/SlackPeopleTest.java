package org.alliance.slack;

import java.util.List;
import java.util.Optional;

import org.alliance.slack.People;
import org.alliance.support.AllianceIntegrationTest;
import org.alliance.support.FakeSlack;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlackPeopleTest extends AllianceIntegrationTest {

    private static final String TEAM = FakeSlack.TEAM_ID;

    @Autowired
    SlackPeople people;

    @Test
    void findsAPersonWithNameAndTimeZone() {
        Optional<People.Person> alice = people.find(TEAM, "U0ALICE");

        assertThat(alice).contains(new People.Person("U0ALICE", "Alice", "Asia/Tokyo", false, false, 32400));
    }

    @Test
    void anUnknownPersonIsEmpty() {
        assertThat(people.find(TEAM, "U0NOBODY")).isEmpty();
    }

    @Test
    void userGroupMembers() {
        slack.addUserGroup("S0LEADS", "U0ALICE", "U0BOB");

        assertThat(people.userGroupMembers(TEAM, "S0LEADS")).contains(List.of("U0ALICE", "U0BOB"));
        assertThat(slack.lastCall("usergroups.users.list").orElseThrow().param("usergroup")).isEqualTo("S0LEADS");
    }

    @Test
    void anUnknownUserGroupIsEmpty() {
        assertThat(people.userGroupMembers(TEAM, "S0NONE")).isEmpty();
    }

    @Test
    void otherUserGroupErrorsAreFailures() {
        slack.failNext("usergroups.users.list", "missing_scope");

        assertThatThrownBy(() -> people.userGroupMembers(TEAM, "S0LEADS"))
                .isInstanceOf(SlackCallFailed.class).hasMessageContaining("missing_scope");
    }

    @Test
    void channelMembers() {
        slack.addChannelMembers("C0TEAM", "U0ALICE", "U0CAROL");

        assertThat(people.channelMembers(TEAM, "C0TEAM")).contains(List.of("U0ALICE", "U0CAROL"));
        assertThat(slack.lastCall("conversations.members").orElseThrow().param("channel")).isEqualTo("C0TEAM");
    }

    @Test
    void channelMembersArePagedThroughWithTheCursor() {
        slack.answer("conversations.members", p -> switch (p.getOrDefault("cursor", "")) {
            case "" -> page("\"U0ALICE\",\"U0BOB\"", "dXNlcjpVMEJPQg==");
            case "dXNlcjpVMEJPQg==" -> page("\"U0CAROL\"", "dXNlcjpVMENBUk9M");
            case "dXNlcjpVMENBUk9M" -> page("\"U0DAN\"", "");
            default -> "{\"ok\":false,\"error\":\"invalid_cursor\"}";
        });

        assertThat(people.channelMembers(TEAM, "C0BIG")).contains(List.of("U0ALICE", "U0BOB", "U0CAROL", "U0DAN"));
        assertThat(slack.calls("conversations.members")).hasSize(3)
                .allSatisfy(c -> assertThat(c.param("channel")).isEqualTo("C0BIG"));
    }

    private static String page(String members, String nextCursor) {
        return "{\"ok\":true,\"members\":[" + members + "],\"response_metadata\":{\"next_cursor\":\"" + nextCursor
                + "\"}}";
    }

    @Test
    void aChannelTheBotCannotSeeIsEmpty() {
        assertThat(people.channelMembers(TEAM, "C0UNKNOWN")).isEmpty();

        slack.addChannelMembers("C0PRIVATE", "U0ALICE");
        slack.failNext("conversations.members", "not_in_channel");
        assertThat(people.channelMembers(TEAM, "C0PRIVATE")).isEmpty();
    }

    @Test
    void otherChannelErrorsAreFailures() {
        // Not invalid_auth: that would mark the shared test workspace as needing a reinstall (UninstallTest covers it).
        slack.failNext("conversations.members", "missing_scope");

        assertThatThrownBy(() -> people.channelMembers(TEAM, "C0TEAM"))
                .isInstanceOf(SlackCallFailed.class).hasMessageContaining("missing_scope");
    }
}
