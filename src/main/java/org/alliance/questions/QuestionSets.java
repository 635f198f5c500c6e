package org.alliance.questions;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Service;

/**
 * The question sets of a workspace: the built-in purposes, copied into its own collection on first use, and the
 * sets its people saved ({@link SavedQuestionSets}), which work wherever a purpose does.
 */
@Service
public class QuestionSets {

    /** The purpose for a leader's own questions; it has no stored set. */
    public static final String CUSTOM = "custom";

    private final QuestionSetRepository repository;
    private final Set<String> seededTeams = ConcurrentHashMap.newKeySet();

    QuestionSets(QuestionSetRepository repository) {
        this.repository = repository;
    }

    public List<QuestionSet> all(String teamId) {
        seed(teamId);
        return repository.all(teamId);
    }

    public Optional<QuestionSet> find(String teamId, String key) {
        if (key == null) {
            return Optional.empty();
        }
        seed(teamId);
        String normalized = key.strip().toLowerCase(Locale.ROOT);
        return repository.find(teamId, normalized).or(() -> playbookStep(normalized));
    }

    /** The questions of a playbook's later step ({@code change-pulse}, …): asked by key, never listed. */
    private static Optional<QuestionSet> playbookStep(String key) {
        return BuiltInQuestionSets.PLAYBOOK_STEPS.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    /** Every set of the workspace with who saved it, built-in purposes first. */
    List<StoredSet> stored(String teamId) {
        seed(teamId);
        return repository.stored(teamId);
    }

    Optional<StoredSet> stored(String teamId, String key) {
        seed(teamId);
        return repository.findStored(teamId, SetKeys.normalize(key));
    }

    /**
     * Its data (the built-in sets stored for it too) is purged after a while: installed again after
     * that, it must be seeded again, so this instance stops counting it as seeded.
     */
    @org.springframework.context.event.EventListener
    void on(org.alliance.workspace.WorkspaceUninstalled event) {
        seededTeams.remove(event.teamId());
    }

    public List<String> keys(String teamId) {
        return all(teamId).stream().map(QuestionSet::key).toList();
    }

    private void seed(String teamId) {
        if (seededTeams.contains(teamId)) {
            return;
        }
        List<QuestionSet> builtIns = BuiltInQuestionSets.ALL;
        for (int i = 0; i < builtIns.size(); i++) {
            repository.insertIfMissing(teamId, builtIns.get(i), i);
        }
        seededTeams.add(teamId);
    }
}
