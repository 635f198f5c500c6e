package org.alliance.playbooks;

import java.time.Instant;

/** A playbook's steps changed (started, skipped, stopped): published after the change is stored. */
public record PlaybookChanged(String teamId, String playbookId, String leaderId, Instant at) {
}
