package org.alliance.slack;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.slack.api.methods.response.conversations.ConversationsMembersResponse;
import com.slack.api.methods.response.usergroups.users.UsergroupsUsersListResponse;
import org.alliance.checkin.People;
import org.springframework.stereotype.Component;

/** {@link People} from Slack: users.info through {@link UserDirectory}'s cache, groups and channel members live. */
@Component
public class SlackPeople implements People {

    /** Slack allows up to 1000 per page; it may return fewer. */
    static final int PAGE_SIZE = 1000;
    /** A guard against a cursor that never ends: 200 pages is far beyond any channel Alliance should fan out to. */
    static final int MAX_PAGES = 200;

    private final UserDirectory directory;
    private final SlackApi api;

    SlackPeople(UserDirectory directory, SlackApi api) {
        this.directory = directory;
        this.api = api;
    }

    @Override
    public Optional<Person> find(String teamId, String userId) {
        return directory.find(teamId, userId)
                .map(p -> new Person(p.id(), p.name(), p.tz(), p.bot(), p.deleted(), p.tzOffsetSeconds()));
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
