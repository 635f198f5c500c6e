package org.alliance.questions;

import java.time.Instant;

/** A workspace's question set as stored: {@code createdBy} is who saved it, null for a built-in purpose. */
record StoredSet(QuestionSet set, String createdBy, Instant createdAt, Instant updatedAt) {

    boolean builtIn() {
        return createdBy == null;
    }
}
