package org.alliance.commitments;

public enum CommitmentStatus {
    OPEN,
    DONE
}
