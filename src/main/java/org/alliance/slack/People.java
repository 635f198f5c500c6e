package org.alliance.slack;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Who is who in a workspace, from Slack's directory (cached by the implementation). */
public interface People {

    /** {@code timeZone} is Slack's IANA name; {@code tzOffsetSeconds} the fallback when that is missing. */
    record Person(String id, String name, String timeZone, boolean bot, boolean deleted, Integer tzOffsetSeconds) {
    }

    /** A user group people can be chosen by, e.g. {@code @design}. */
    record UserGroup(String id, String handle, String name) {
    }

    Optional<Person> find(String teamId, String userId);

    /**
     * Says ahead that these people are about to be looked up, one by one, so the implementation can fetch
     * them in bulk first. Never fails; a directory held in memory needs nothing.
     */
    default void prefetch(String teamId, Collection<String> userIds) {
    }

    /** The workspace's active user groups, for choosing in the start form; empty when Slack can't say. */
    List<UserGroup> userGroups(String teamId);

    /** Members of a user group ({@code <!subteam^S123>}); empty when the group does not exist. */
    Optional<List<String>> userGroupMembers(String teamId, String userGroupId);

    /** Members of a channel; empty when the bot cannot see the channel. */
    Optional<List<String>> channelMembers(String teamId, String channelId);
}
