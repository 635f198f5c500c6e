package org.alliance.agreements;

import java.util.Map;
import java.util.Optional;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import org.alliance.agreements.AgreementButtons.Ref;
import org.alliance.slack.SlackDates;
import org.springframework.stereotype.Component;

/**
 * The answers to an agreement: the person's Confirm and Suggest a change, and either side's
 * answer to a review. A second or foreign click changes nothing and is told so privately.
 */
@Component
class ReplyInteractions {

    private final Agreements agreements;
    private final AgreementReviews reviews;
    private final AgreementNotifier notifier;
    private final ProposalInteractions proposals;
    private final Clicks clicks;

    ReplyInteractions(Agreements agreements, AgreementReviews reviews, AgreementNotifier notifier,
                      ProposalInteractions proposals, Clicks clicks) {
        this.agreements = agreements;
        this.reviews = reviews;
        this.notifier = notifier;
        this.proposals = proposals;
        this.clicks = clicks;
    }

    Response confirm(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload p = req.getPayload();
        Optional<Ref> ref = Clicks.ref(p);
        if (ref.isEmpty()) {
            clicks.tell(p, Clicks.BROKEN);
            return ctx.ack();
        }
        Outcome outcome = agreements.confirm(p.getTeam().getId(), p.getUser().getId(), ref.get().leaderId(),
                ref.get().memberId(), ref.get().version());
        if (outcome instanceof Outcome.Changed changed) {
            Agreement a = changed.agreement();
            clicks.later("confirming agreement " + a.id(), () -> {
                reviews.schedule(a);
                notifier.confirmed(a, changed.version(), Clicks.channelOf(p), Clicks.messageTs(p));
            });
        } else {
            clicks.tell(p, ProposalInteractions.message(outcome));
        }
        return ctx.ack();
    }

    Response suggest(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload p = req.getPayload();
        Optional<Ref> ref = Clicks.ref(p);
        if (ref.isEmpty()) {
            clicks.tell(p, Clicks.BROKEN);
            return ctx.ack();
        }
        Outcome outcome = agreements.toAnswer(p.getTeam().getId(), p.getUser().getId(), ref.get().leaderId(),
                ref.get().memberId(), ref.get().version());
        if (outcome instanceof Outcome.Changed waiting) {
            clicks.open(p, AgreementForms.suggest(waiting.agreement(), waiting.version()));
        } else {
            clicks.tell(p, ProposalInteractions.message(outcome));
        }
        return ctx.ack();
    }

    Response submitSuggestion(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
        var payload = req.getPayload();
        var values = payload.getView().getState() == null ? null : payload.getView().getState().getValues();
        Optional<Ref> ref = Ref.parse(payload.getView().getPrivateMetadata());
        if (ref.isEmpty()) {
            return ctx.ackWithErrors(Map.of(AgreementForms.SUGGESTION_BLOCK, Clicks.BROKEN));
        }
        Outcome outcome = agreements.suggest(payload.getTeam().getId(), payload.getUser().getId(),
                ref.get().leaderId(), ref.get().memberId(), ref.get().version(),
                AgreementForms.text(values, AgreementForms.SUGGESTION_BLOCK));
        if (outcome instanceof Outcome.Changed changed) {
            clicks.later("passing on a suggestion for agreement " + changed.agreement().id(),
                    () -> notifier.suggested(changed.agreement(), changed.version()));
            return ctx.ack();
        }
        return ctx.ackWithErrors(Map.of(AgreementForms.SUGGESTION_BLOCK, ProposalInteractions.message(outcome)));
    }

    /** Still holds: the next review is a full period away; the person's answer reaches the leader. */
    Response stillHolds(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload p = req.getPayload();
        Optional<Ref> ref = Clicks.ref(p);
        if (ref.isEmpty()) {
            clicks.tell(p, Clicks.BROKEN);
            return ctx.ack();
        }
        String userId = p.getUser().getId();
        Outcome outcome = agreements.stillHolds(p.getTeam().getId(), userId, ref.get().leaderId(),
                ref.get().memberId(), ref.get().number());
        if (outcome instanceof Outcome.Changed changed) {
            Agreement a = changed.agreement();
            clicks.later("rescheduling the review of agreement " + a.id(), () -> {
                reviews.schedule(a);
                notifier.answered(a, Clicks.channelOf(p), Clicks.messageTs(p), ":white_check_mark: You said your "
                        + "agreement still holds. I'll ask again on " + SlackDates.date(a.reviewAt()) + ". "
                        + AgreementMessages.onlyTwo(userId.equals(a.leaderId()) ? a.memberId() : a.leaderId()));
                if (userId.equals(a.memberId())) {
                    notifier.memberAnswered(a, true);
                }
            });
        } else {
            clicks.tell(p, ProposalInteractions.message(outcome));
        }
        return ctx.ack();
    }

    /** Let's revise: the leader gets the form at once; the person's wish goes to the leader. */
    Response letsRevise(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload p = req.getPayload();
        Optional<Ref> ref = Clicks.ref(p);
        String teamId = p.getTeam().getId();
        String userId = p.getUser().getId();
        Optional<Agreement> found = ref.flatMap(r -> agreements.visibleTo(teamId, userId, r.leaderId(), r.memberId()));
        if (found.isEmpty()) {
            clicks.tell(p, ref.isEmpty() ? Clicks.BROKEN : Agreements.NOT_YOURS);
            return ctx.ack();
        }
        Agreement a = found.get();
        int latest = a.latest().map(Agreement.Version::number).orElse(0);
        if (userId.equals(a.leaderId())) {
            proposals.openOrTell(p, agreements.revise(teamId, userId, a.leaderId(), a.memberId(), latest));
            return ctx.ack();
        }
        clicks.later("asking for a revision of agreement " + a.id(), () -> {
            notifier.answered(a, Clicks.channelOf(p), Clicks.messageTs(p), ":pencil2: I told <@" + a.leaderId()
                    + "> you'd like to revise your agreement; a new version will come here. "
                    + AgreementMessages.onlyTwo(a.leaderId()));
            notifier.memberAnswered(a, false);
        });
        return ctx.ack();
    }
}
