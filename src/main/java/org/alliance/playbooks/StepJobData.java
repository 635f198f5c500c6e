package org.alliance.playbooks;

/** One later step of a playbook, by the playbook's id and the step's name. */
record StepJobData(String playbookId, String step) {
}
