package org.alliance.history;

import java.util.List;
import java.util.Map;

import org.alliance.agreements.AgreementHistory;
import org.alliance.checkin.CheckInHistory;
import org.alliance.commitments.CommitmentHistory;
import org.springframework.stereotype.Service;

/** One page of history as the viewer may see it: check-ins, each person's part, and the commitments. */
@Service
class Histories {

    /** Each check-in takes at most six blocks, so a page stays far below Slack's 100. */
    static final int PAGE_SIZE = 6;

    /**
     * @param personId whose part is shown; null when the viewer looks at their own answers
     */
    record Shown(String viewerId, String personId, CheckInHistory.Page page,
                 Map<String, List<CommitmentHistory.Item>> commitments, List<AgreementHistory.Summary> agreements) {

        Shown(String viewerId, String personId, CheckInHistory.Page page,
              Map<String, List<CommitmentHistory.Item>> commitments) {
            this(viewerId, personId, page, commitments, List.of());
        }

        boolean own() {
            return personId == null;
        }
    }

    private final CheckInHistory checkIns;
    private final CommitmentHistory commitments;
    private final AgreementHistory agreements;

    Histories(CheckInHistory checkIns, CommitmentHistory commitments, AgreementHistory agreements) {
        this.checkIns = checkIns;
        this.commitments = commitments;
        this.agreements = agreements;
    }

    /** Whether there is anything to show; an empty modal helps nobody. */
    boolean anything(String teamId, String viewerId, String personId) {
        return personId == null ? checkIns.wasAsked(teamId, viewerId) : checkIns.haveMet(teamId, viewerId, personId);
    }

    Shown page(String teamId, String viewerId, String personId, int page) {
        CheckInHistory.Page found = personId == null
                ? checkIns.answersOf(teamId, viewerId, page, PAGE_SIZE)
                : checkIns.between(teamId, viewerId, personId, page, PAGE_SIZE);
        String memberId = personId == null ? viewerId : personId;
        List<String> ids = found.entries().stream().map(CheckInHistory.Entry::checkInId).toList();
        // The agreement stands above the check-ins, once: it is what they led to.
        List<AgreementHistory.Summary> agreed = page > 0 ? List.of() : personId == null
                ? agreements.ofMember(teamId, viewerId)
                : agreements.ofLeader(teamId, viewerId, personId).map(List::of).orElse(List.of());
        return new Shown(viewerId, personId, found, commitments.toMember(teamId, memberId, ids), agreed);
    }
}
