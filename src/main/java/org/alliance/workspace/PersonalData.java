package org.alliance.workspace;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a module stores about people, for {@code /alliance my-data} and {@code /alliance forget-me}.
 * Every module that keeps a user id (or anything a person wrote) implements it; the privacy feature
 * collects them all, so infrastructure and features alike can take part without knowing that feature.
 */
public interface PersonalData {

    /** The name of this module's part of a person's file, e.g. {@code checkIns}. */
    String section();

    /**
     * Everything stored about {@code userId} in this workspace, as plain data (maps, lists, records,
     * strings, numbers, times); null when there is nothing. Never another person's answers, and never
     * who wrote an anonymous answer unless it is {@code userId}'s own.
     */
    Object export(String teamId, String userId);

    /**
     * Erases what {@code userId} wrote and puts {@code pseudonym} wherever their id was, so counts and
     * relationships stay right. Safe to run twice.
     */
    Erased erase(String teamId, String userId, String pseudonym);

    /**
     * @param counts    what was erased or made anonymous, in words for the person ("answers erased" → 3); zeros left out
     * @param leaderIds leaders who should hear that someone's data was erased (never the person)
     */
    record Erased(Map<String, Long> counts, Set<String> leaderIds) {

        public Erased {
            Map<String, Long> kept = new LinkedHashMap<>();
            counts.forEach((what, n) -> {
                if (n != null && n > 0) {
                    kept.put(what, n);
                }
            });
            counts = java.util.Collections.unmodifiableMap(kept);
            leaderIds = Set.copyOf(leaderIds);
        }

        public static Erased of(String what, long n) {
            return new Erased(Map.of(what, n), Set.of());
        }

        public static Erased nothing() {
            return new Erased(Map.of(), Set.of());
        }
    }
}
