package org.alliance.playbooks;

import java.util.List;

import org.springframework.stereotype.Service;

/** The playbooks a leader still runs (a step is still to come), for dashboards such as Home. */
@Service
public class PlaybookQueries {

    static final int LIMIT = 20;

    private final PlaybookRepository playbooks;

    PlaybookQueries(PlaybookRepository playbooks) {
        this.playbooks = playbooks;
    }

    /** Newest first; at most {@value #LIMIT}. */
    public List<Playbook> runningLedBy(String teamId, String leaderId) {
        return playbooks.runningLedBy(teamId, leaderId, LIMIT);
    }
}
