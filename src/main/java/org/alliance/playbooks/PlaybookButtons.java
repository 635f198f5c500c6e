package org.alliance.playbooks;

/**
 * Skip (value: the playbook id and the step's name, {@code P23456:pulse}) and Stop (value: the playbook
 * id), wherever a playbook's upcoming steps are shown.
 */
final class PlaybookButtons {

    static final String SKIP = "playbook_skip";
    static final String STOP = "playbook_stop";

    private PlaybookButtons() {
    }

    static String skipValue(Playbook p, Playbook.Step step) {
        return p.id() + ":" + step.name();
    }
}
