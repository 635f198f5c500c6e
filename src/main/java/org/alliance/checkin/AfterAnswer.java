package org.alliance.checkin;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;

/**
 * What follows a recorded answer or skip, after Slack has had its ack: the person's DM shows
 * what they said, the answer is shared exactly as promised, the parent shows the progress, and
 * the check-in completes when nobody is left.
 */
@Service
class AfterAnswer {

    private final CheckInRepository checkIns;
    private final ResponseRepository responses;
    private final CheckInMessenger messenger;
    private final Ending ending;
    private final Stripes stripes;
    private final ChangeNotices notices;
    private final Clock clock;

    AfterAnswer(CheckInRepository checkIns, ResponseRepository responses, CheckInMessenger messenger, Ending ending,
                Stripes stripes, ChangeNotices notices, Clock clock) {
        this.clock = clock;
        this.checkIns = checkIns;
        this.responses = responses;
        this.messenger = messenger;
        this.ending = ending;
        this.stripes = stripes;
        this.notices = notices;
    }

    public void handle(AnswerOutcome.Recorded recorded) {
        try (CheckInLog.Scope ignored = CheckInLog.of(recorded.checkIn().id())) {
            follow(recorded);
        }
    }

    private void follow(AnswerOutcome.Recorded recorded) {
        String checkInId = recorded.checkIn().id();
        stripes.run(checkInId, () -> {
            // Re-read: a later edit may have landed while this waited; show and share the newest.
            Response response = responses.find(checkInId, recorded.response().userId()).orElse(recorded.response());
            CheckIn checkIn = checkIns.find(recorded.checkIn().teamId(), checkInId).orElse(recorded.checkIn());
            List<Response> all = responses.forCheckIn(checkInId);
            // The last answer completes the check-in a moment from now: its DM says so at once,
            // rather than offering an Edit that the completion is about to take away.
            boolean completes = checkIn.isOpen() && Progress.of(all).allIn();
            messenger.updateInvitation(completes ? checkIn.ended(CheckInStatus.COMPLETED, clock.instant()) : checkIn,
                    response);
            // Answers to anonymous questions wait for the end: sharing, or re-sharing, when only they
            // came in or changed would tell the leader whose they are.
            if (response.status() == ResponseStatus.ANSWERED && checkIn.visibility() != Visibility.ANONYMOUS
                    && recorded.namedChanged()
                    && (!response.orderedAnswers(checkIn).isEmpty() || response.sharedTs() != null)) {
                String ts = messenger.shareAnswer(checkIn, response, response.sharedTs());
                if (!ts.equals(response.sharedTs())) {
                    responses.shared(response.id(), ts);
                }
            }
            if (checkIn.isOpen() && recorded.namedChanged()) {
                messenger.updateParent(checkIn, Progress.of(all));
            }
        });
        notices.answered(recorded.checkIn(), recorded.response().userId());
        ending.completeIfAllIn(recorded.checkIn().teamId(), checkInId);
    }
}
