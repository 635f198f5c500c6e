package org.alliance.commitments;

enum CommitmentStatus {
    OPEN,
    DONE
}
