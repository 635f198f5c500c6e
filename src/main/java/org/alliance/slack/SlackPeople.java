package org.alliance.slack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.slack.api.methods.response.conversations.ConversationsMembersResponse;
import com.slack.api.methods.response.usergroups.UsergroupsListResponse;
import com.slack.api.methods.response.usergroups.users.UsergroupsUsersListResponse;
import org.alliance.slack.People;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** {@link People} from Slack: people through {@link UserDirectory}'s cache, groups and channel members live. */
@Component
class SlackPeople implements People {

    private static final Logger log = LoggerFactory.getLogger(SlackPeople.class);

    /** Slack allows up to 1000 per page; it may return fewer. */
    static final int PAGE_SIZE = 1000;
    /** A guard against a cursor that never ends: 200 pages is far beyond any channel Alliance should fan out to. */
    static final int MAX_PAGES = 200;

    /** Groups change rarely; the start form opens within Slack's 3-second trigger, so they are cached. */
    static final Duration GROUPS_TTL = Duration.ofMinutes(10);

    private record Groups(List<UserGroup> groups, Instant fetched) {
    }

    private final UserDirectory directory;
    private final SlackApi api;
    private final Clock clock;
    private final Map<String, Groups> groups = new ConcurrentHashMap<>();

    SlackPeople(UserDirectory directory, SlackApi api, Clock clock) {
        this.directory = directory;
        this.api = api;
        this.clock = clock;
    }

    @Override
    public List<UserGroup> userGroups(String teamId) {
        Groups cached = groups.get(teamId);
        if (cached != null && cached.fetched().plus(GROUPS_TTL).isAfter(clock.instant())) {
            return cached.groups();
        }
        try {
            UsergroupsListResponse r = api.call(teamId, "usergroups.list", c -> c.usergroupsList(b -> b));
            if (!r.isOk() || r.getUsergroups() == null) {
                log.info("No user groups for {}: {}", teamId, r.getError());
                return List.of();
            }
            List<UserGroup> list = r.getUsergroups().stream()
                    .filter(g -> g.getDateDelete() == null || g.getDateDelete() == 0)
                    .map(g -> new UserGroup(g.getId(), g.getHandle(), g.getName())).toList();
            groups.put(teamId, new Groups(list, clock.instant()));
            return list;
        } catch (SlackCallFailed e) {
            log.info("No user groups for {}: {}", teamId, e.getMessage());
            return List.of();
        }
    }

    @Override
    public Optional<Person> find(String teamId, String userId) {
        return directory.find(teamId, userId)
                .map(p -> new Person(p.id(), p.name(), p.tz(), p.bot(), p.deleted(), p.tzOffsetSeconds()));
    }

    @Override
    public void prefetch(String teamId, Collection<String> userIds) {
        directory.prefetch(teamId, userIds);
    }

    @Override
    public Optional<List<String>> userGroupMembers(String teamId, String userGroupId) {
        UsergroupsUsersListResponse r = api.call(teamId, "usergroups.users.list",
                c -> c.usergroupsUsersList(b -> b.usergroup(userGroupId)));
        if (!r.isOk()) {
            if ("no_such_subteam".equals(r.getError())) {
                return Optional.empty();
            }
            throw new SlackCallFailed("usergroups.users.list", r.getError(), null);
        }
        return Optional.of(r.getUsers() == null ? List.of() : List.copyOf(new LinkedHashSet<>(r.getUsers())));
    }

    @Override
    public Optional<List<String>> channelMembers(String teamId, String channelId) {
        Set<String> members = new LinkedHashSet<>();
        String cursor = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            String pageCursor = cursor;
            ConversationsMembersResponse r = api.call(teamId, "conversations.members",
                    c -> c.conversationsMembers(b -> b.channel(channelId).limit(PAGE_SIZE).cursor(pageCursor)));
            if (!r.isOk()) {
                if ("channel_not_found".equals(r.getError()) || "not_in_channel".equals(r.getError())) {
                    return Optional.empty();
                }
                throw new SlackCallFailed("conversations.members", r.getError(), null);
            }
            if (r.getMembers() != null) {
                members.addAll(r.getMembers());
            }
            cursor = r.getResponseMetadata() == null ? null : r.getResponseMetadata().getNextCursor();
            if (cursor == null || cursor.isBlank()) {
                return Optional.of(List.copyOf(members));
            }
        }
        throw new SlackCallFailed("conversations.members", "more than " + MAX_PAGES + " pages of members", null);
    }
}
