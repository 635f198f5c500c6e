package org.alliance.questions;

import java.time.Clock;
import java.util.Optional;

import org.alliance.slack.SlackText;
import org.springframework.stereotype.Service;

/**
 * Question sets people save for their workspace: anyone there may use one, only the person who saved it may
 * change or delete it. Built-in purposes are never changed. A check-in keeps its own copy of the questions,
 * so nothing here reaches check-ins already started; a recurring check-in reads its set at each round.
 */
@Service
class SavedQuestionSets {

    sealed interface Outcome {
        record Saved(QuestionSet set) implements Outcome {
        }

        /** The key is taken in the workspace. */
        record KeyTaken(String message) implements Outcome {
        }

        record Refused(String message) implements Outcome {
        }
    }

    private final QuestionSets questionSets;
    private final QuestionSetRepository repository;
    private final Clock clock;

    SavedQuestionSets(QuestionSets questionSets, QuestionSetRepository repository, Clock clock) {
        this.questionSets = questionSets;
        this.repository = repository;
        this.clock = clock;
    }

    Outcome create(String teamId, String userId, QuestionSet set) {
        if (SetKeys.isReserved(set.key())) {
            return new Outcome.KeyTaken("\"" + set.key() + "\" is a built-in purpose. Choose another key.");
        }
        return repository.insertSaved(teamId, set, userId, clock.instant()) ? new Outcome.Saved(set)
                : new Outcome.KeyTaken("This workspace already has a question set with the key \"" + set.key()
                        + "\". Choose another key.");
    }

    Outcome update(String teamId, String userId, QuestionSet set) {
        Owned owned = owned(teamId, userId, set.key(), "change");
        if (owned.refusal() != null) {
            return new Outcome.Refused(owned.refusal());
        }
        return repository.replaceSaved(teamId, set, userId, owned.stored().createdAt(), clock.instant())
                ? new Outcome.Saved(set) : new Outcome.Refused(gone(set.key()));
    }

    /** The deleted set, or why it can't be deleted. */
    Outcome delete(String teamId, String userId, String key) {
        Owned owned = owned(teamId, userId, key, "delete");
        if (owned.refusal() != null) {
            return new Outcome.Refused(owned.refusal());
        }
        QuestionSet set = owned.stored().set();
        return repository.deleteSaved(teamId, set.key(), userId) ? new Outcome.Saved(set)
                : new Outcome.Refused(gone(key));
    }

    /** The set {@code userId} may edit, or why not, in mrkdwn. */
    Outcome forEditing(String teamId, String userId, String key) {
        Owned owned = owned(teamId, userId, key, "change");
        return owned.refusal() != null ? new Outcome.Refused(owned.refusal()) : new Outcome.Saved(owned.stored().set());
    }

    /** A saved set of the person's own, or why it isn't one (mrkdwn, user text escaped). */
    private record Owned(StoredSet stored, String refusal) {
        static Owned refused(String refusal) {
            return new Owned(null, refusal);
        }
    }

    private Owned owned(String teamId, String userId, String key, String verb) {
        String k = SetKeys.normalize(key);
        if (k.equals(QuestionSets.CUSTOM)) {
            return Owned.refused("`custom` is the choice to write your own questions when you start a check-in; "
                    + "there is no set to " + verb + ".");
        }
        Optional<StoredSet> stored = questionSets.stored(teamId, k);
        if (stored.isEmpty()) {
            return Owned.refused(gone(key));
        }
        if (stored.get().builtIn()) {
            return Owned.refused("`" + k + "` is a built-in purpose, so it can't be changed or deleted. Save your "
                    + "own version with `/alliance templates new`.");
        }
        if (!stored.get().createdBy().equals(userId)) {
            return Owned.refused("Only <@" + stored.get().createdBy() + ">, who saved *"
                    + SlackText.escape(stored.get().set().title()) + "* (`" + k + "`), can " + verb
                    + " it. You can still use it, or save your own with `/alliance templates new`.");
        }
        return new Owned(stored.get(), null);
    }

    /** What to tell the person about an outcome that saved nothing. */
    static String message(Outcome outcome) {
        if (outcome instanceof Outcome.Refused refused) {
            return refused.message();
        }
        return outcome instanceof Outcome.KeyTaken taken ? taken.message() : "";
    }

    private static String gone(String key) {
        return "There is no saved question set `" + code(key) + "` in this workspace. `/alliance templates` "
                + "lists them.";
    }

    /** Typed text made safe inside inline code: short, escaped, unable to close the code span. */
    static String code(String typed) {
        return SlackText.escape(SlackText.truncate(typed == null ? "" : typed.strip().replace('`', '\''),
                SetKeys.MAX_LENGTH + 10));
    }
}
