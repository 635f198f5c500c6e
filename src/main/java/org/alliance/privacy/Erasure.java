package org.alliance.privacy;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.alliance.slack.Replies;
import org.alliance.workspace.PersonalData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Forgets one person in one workspace: every module erases what they wrote and puts one pseudonym,
 * drawn fresh here and kept nowhere, where their id was. The leaders concerned are told that someone's
 * data was erased, never whose; the person is told what was erased.
 */
@Component
class Erasure {

    static final String PREFIX = "erased-";
    static final String LEADER_NOTICE = ":wastebasket: Someone you checked in with asked me to erase their data "
            + "in Alliance. What they wrote is gone; your check-ins, counts and commitments stay, with a pseudonym "
            + "in their place. I can't tell you who it was.";
    private static final Logger log = LoggerFactory.getLogger(Erasure.class);
    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

    record Outcome(Map<String, Long> counts, Set<String> leaderIds, List<String> failed) {
    }

    private final List<PersonalData> sources;
    private final Replies replies;
    private final SecureRandom random = new SecureRandom();

    Erasure(List<PersonalData> sources, Replies replies) {
        this.sources = sources;
        this.replies = replies;
    }

    Outcome forget(String teamId, String userId) {
        String pseudonym = pseudonym();
        Map<String, Long> counts = new LinkedHashMap<>();
        Set<String> leaders = new HashSet<>();
        List<String> failed = new java.util.ArrayList<>();
        for (PersonalData source : sources) {
            try {
                PersonalData.Erased erased = source.erase(teamId, userId, pseudonym);
                erased.counts().forEach((what, n) -> counts.merge(what, n, Long::sum));
                leaders.addAll(erased.leaderIds());
            } catch (RuntimeException e) {
                // The others still run: erasing most of it beats erasing none of it; the person is told to run it again.
                log.error("Erasing a person's {} failed", source.section(), e);
                failed.add(source.section());
            }
        }
        leaders.removeIf(id -> id == null || id.equals(userId) || id.startsWith(PREFIX));
        Outcome outcome = new Outcome(counts, leaders, failed);
        for (String leader : leaders) {
            try {
                replies.direct(teamId, leader, LEADER_NOTICE);
            } catch (RuntimeException e) {
                log.warn("Could not tell a leader about an erasure: {}", e.getMessage());
            }
        }
        replies.direct(teamId, userId, ForgetMeMessages.done(outcome));
        return outcome;
    }

    private String pseudonym() {
        StringBuilder id = new StringBuilder(PREFIX);
        for (int i = 0; i < 12; i++) {
            id.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }
}
