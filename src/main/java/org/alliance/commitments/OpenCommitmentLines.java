package org.alliance.commitments;

import java.util.List;

import org.alliance.checkin.OpenCommitments;
import org.alliance.slack.SlackText;
import org.springframework.stereotype.Component;

/** Lets the check-in follow-up reminder list what the leader still owes, without knowing commitments. */
@Component
class OpenCommitmentLines implements OpenCommitments {

    private final Commitments commitments;

    OpenCommitmentLines(Commitments commitments) {
        this.commitments = commitments;
    }

    @Override
    public List<String> describeOpen(String teamId, String checkInId) {
        return commitments.openForCheckIn(teamId, checkInId).stream()
                .map(c -> "To <@" + c.memberId() + ">: " + SlackText.escape(c.text()) + " (by " + c.dueDate() + ")")
                .toList();
    }
}
