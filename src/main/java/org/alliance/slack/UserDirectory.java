package org.alliance.slack;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Names and time zones of a workspace's people, cached for {@link DirectorySettings#ttl()}. A fan-out
 * to many people not cached fills the cache ahead from users.list, 200 people a call, so it never
 * waits on one users.info per person; a single person not cached is still looked up with users.info.
 * user_change events drop a changed person early.
 */
@Component
public class UserDirectory {

    /**
     * A fan-out missing more people than this lists the whole workspace: a users.list page costs about
     * five users.info calls of Slack's budget and answers for 200 people.
     */
    static final int BULK_AFTER = 20;

    private static final Logger log = LoggerFactory.getLogger(UserDirectory.class);

    /** What the bot needs to know of a person; {@code tz} may be null when Slack gives none. */
    public record Person(String id, String name, String tz, Integer tzOffsetSeconds, boolean bot, boolean deleted) {
    }

    private record Entry(Optional<Person> person, Instant fetched) {
    }

    private final SlackApi api;
    private final DirectoryListing listing;
    private final DirectorySettings settings;
    private final Clock clock;
    /** Per workspace, per user id; each workspace's map holds at most {@link DirectorySettings#maxPeople()}. */
    private final Map<String, Map<String, Entry>> cache = new ConcurrentHashMap<>();
    /** The listing under way per workspace, so fan-outs at the same time share one instead of paging twice. */
    private final Map<String, CompletableFuture<Void>> listings = new ConcurrentHashMap<>();

    UserDirectory(SlackApi api, DirectoryListing listing, DirectorySettings settings, Clock clock) {
        this.api = api;
        this.listing = listing;
        this.settings = settings;
        this.clock = clock;
    }

    /** Empty when Slack does not know the id (user_not_found). */
    public Optional<Person> find(String teamId, String userId) {
        Entry entry = fresh(teamId, userId);
        if (entry != null) {
            return entry.person();
        }
        UsersInfoResponse response = api.call(teamId, "users.info", c -> c.usersInfo(r -> r.user(userId)));
        Optional<Person> person;
        if (response.isOk()) {
            person = Optional.of(toPerson(response.getUser()));
        } else if ("user_not_found".equals(response.getError())) {
            person = Optional.empty();
        } else {
            throw new SlackCallFailed("users.info", response.getError(), null);
        }
        store(teamId, userId, new Entry(person, clock.instant()));
        return person;
    }

    public String displayName(String teamId, String userId) {
        return find(teamId, userId).map(Person::name).orElse(userId);
    }

    /**
     * Makes the later {@link #find}s of these people cheap: when more than {@link #BULK_AFTER} of them are
     * not cached, lists the whole workspace once (or waits for a listing already under way). Never
     * throws: if the listing fails, each person is simply looked up on their own.
     */
    public void prefetch(String teamId, Collection<String> userIds) {
        long missing = userIds.stream().distinct().filter(u -> u != null && fresh(teamId, u) == null).count();
        if (missing <= BULK_AFTER) {
            return;
        }
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> running = listings.putIfAbsent(teamId, mine);
        if (running != null) {
            running.exceptionally(e -> null).join();
            return;
        }
        try {
            Instant fetched = clock.instant();
            int listed = listing.each(teamId, settings.maxPeople(),
                    user -> store(teamId, user.getId(), new Entry(Optional.of(toPerson(user)), fetched)));
            log.info("Listed {} people of workspace {} ahead of a fan-out to {} not cached", listed, teamId, missing);
            mine.complete(null);
        } catch (RuntimeException e) {
            log.warn("Could not list the people of workspace {}; looking them up one by one: {}", teamId,
                    e.getMessage());
            mine.completeExceptionally(e);
        } finally {
            listings.remove(teamId, mine);
        }
    }

    void forget(String teamId, String userId) {
        Map<String, Entry> team = teamId == null ? null : cache.get(teamId);
        if (team != null && userId != null) {
            team.remove(userId);
        }
    }

    private Entry fresh(String teamId, String userId) {
        Map<String, Entry> team = cache.get(teamId);
        Entry entry = team == null ? null : team.get(userId);
        return entry != null && entry.fetched().plus(settings.ttl()).isAfter(clock.instant()) ? entry : null;
    }

    private void store(String teamId, String userId, Entry entry) {
        if (teamId == null || userId == null) {
            return;
        }
        Map<String, Entry> team = cache.computeIfAbsent(teamId, t -> new ConcurrentHashMap<>());
        if (team.size() >= settings.maxPeople() && !team.containsKey(userId)) {
            Instant now = clock.instant();
            team.values().removeIf(e -> !e.fetched().plus(settings.ttl()).isAfter(now));
            if (team.size() >= settings.maxPeople()) {
                // Full of people still fresh: this one is looked up again next time rather than growing the heap.
                return;
            }
        }
        team.put(userId, entry);
    }

    private static Person toPerson(User user) {
        String name = user.getRealName() != null && !user.getRealName().isBlank() ? user.getRealName() : user.getName();
        return new Person(user.getId(), name, user.getTz(), user.getTzOffset(), user.isBot(), user.isDeleted());
    }
}
