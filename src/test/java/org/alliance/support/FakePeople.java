package org.alliance.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.alliance.slack.People;

/** A Slack directory held in memory: people are added by the test; no groups or channels. */
public final class FakePeople implements People {

    private final Map<String, Person> people = new HashMap<>();
    private boolean down;

    /** Adds a person with a name and an IANA time zone. */
    public FakePeople with(String userId, String name, String timeZone) {
        people.put(userId, new Person(userId, name, timeZone, false, false, null));
        return this;
    }

    /** From now on every look-up fails, as when Slack can't be reached. */
    public void goDown() {
        down = true;
    }

    @Override
    public Optional<Person> find(String teamId, String userId) {
        if (down) {
            throw new IllegalStateException("Slack is unreachable");
        }
        return Optional.ofNullable(people.get(userId));
    }

    @Override
    public List<UserGroup> userGroups(String teamId) {
        return List.of();
    }

    @Override
    public Optional<List<String>> userGroupMembers(String teamId, String userGroupId) {
        return Optional.empty();
    }

    @Override
    public Optional<List<String>> channelMembers(String teamId, String channelId) {
        return Optional.empty();
    }
}
