package org.alliance.slack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.User;
import org.springframework.stereotype.Component;

/**
 * Names and time zones from users.info, cached so a fan-out to many people costs one call per
 * person per hour, not one per message. user_change events drop a stale entry early.
 */
@Component
public class UserDirectory {

    static final Duration TTL = Duration.ofHours(1);

    /** What the bot needs to know of a person; {@code tz} may be null when Slack gives none. */
    public record Person(String id, String name, String tz, Integer tzOffsetSeconds, boolean bot, boolean deleted) {
    }

    private record Entry(Optional<Person> person, Instant fetched) {
    }

    private final SlackApi api;
    private final Clock clock;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    UserDirectory(SlackApi api, Clock clock) {
        this.api = api;
        this.clock = clock;
    }

    /** Empty when Slack does not know the id (user_not_found). */
    public Optional<Person> find(String teamId, String userId) {
        String key = teamId + "/" + userId;
        Entry entry = cache.get(key);
        if (entry != null && entry.fetched().plus(TTL).isAfter(clock.instant())) {
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
        cache.put(key, new Entry(person, clock.instant()));
        return person;
    }

    public String displayName(String teamId, String userId) {
        return find(teamId, userId).map(Person::name).orElse(userId);
    }

    void forget(String teamId, String userId) {
        cache.remove(teamId + "/" + userId);
    }

    private static Person toPerson(User user) {
        String name = user.getRealName() != null && !user.getRealName().isBlank() ? user.getRealName() : user.getName();
        return new Person(user.getId(), name, user.getTz(), user.getTzOffset(), user.isBot(), user.isDeleted());
    }
}
