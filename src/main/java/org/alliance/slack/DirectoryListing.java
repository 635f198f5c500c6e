package org.alliance.slack;

import java.util.function.Consumer;

import com.slack.api.methods.response.users.UsersListResponse;
import com.slack.api.model.User;
import org.springframework.stereotype.Component;

/**
 * Everyone in a workspace, a page of users.list at a time. users.list is Tier 2 (about 20 calls a
 * minute) but gives 200 people a call, where users.info (Tier 4, about 100 a minute) gives one.
 */
@Component
class DirectoryListing {

    /** The page size Slack recommends; it may return fewer. */
    static final int PAGE_SIZE = 200;

    private final SlackApi api;

    DirectoryListing(SlackApi api) {
        this.api = api;
    }

    /**
     * Hands each person to {@code each}, page by page, until the cursor ends or {@code maxPeople} were
     * handed over; returns how many were. Throws {@link SlackCallFailed} when Slack refuses a page.
     */
    int each(String teamId, int maxPeople, Consumer<User> each) {
        int seen = 0;
        String cursor = null;
        // The page cap guards against a cursor that never ends as well as against a huge workspace.
        int maxPages = maxPeople / PAGE_SIZE + 1;
        for (int page = 0; page < maxPages; page++) {
            String pageCursor = cursor;
            UsersListResponse r = api.callOk(teamId, "users.list",
                    c -> c.usersList(b -> b.limit(PAGE_SIZE).cursor(pageCursor)));
            if (r.getMembers() != null) {
                for (User user : r.getMembers()) {
                    if (seen >= maxPeople) {
                        return seen;
                    }
                    each.accept(user);
                    seen++;
                }
            }
            cursor = r.getResponseMetadata() == null ? null : r.getResponseMetadata().getNextCursor();
            if (cursor == null || cursor.isBlank()) {
                return seen;
            }
        }
        return seen;
    }
}
