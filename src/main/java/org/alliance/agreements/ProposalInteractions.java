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
import org.springframework.stereotype.Component;

/**
 * The leader's side: "Make an agreement" under an answer, Revise, the form's submission, and the
 * versions from History. Forms open with the click's trigger before the ack (it expires in 3
 * seconds; what is read first is one or two lookups by id); messages go out after it.
 */
@Component
class ProposalInteractions {

    private final Agreements agreements;
    private final AgreementNotifier notifier;
    private final Clicks clicks;

    ProposalInteractions(Agreements agreements, AgreementNotifier notifier, Clicks clicks) {
        this.agreements = agreements;
        this.notifier = notifier;
        this.clicks = clicks;
    }

    /** Make an agreement: its value is the response id ({@code checkInId:userId}). */
    Response fromAnswer(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload p = req.getPayload();
        openOrTell(p, agreements.fromAnswer(p.getTeam().getId(), p.getUser().getId(), Clicks.value(p)));
        return ctx.ack();
    }

    /** Revise, after a suggestion or a review: the form again from that version's points. */
    Response revise(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload p = req.getPayload();
        Optional<Ref> ref = Clicks.ref(p);
        if (ref.isEmpty()) {
            clicks.tell(p, Clicks.BROKEN);
            return ctx.ack();
        }
        openOrTell(p, agreements.revise(p.getTeam().getId(), p.getUser().getId(), ref.get().leaderId(),
                ref.get().memberId(), ref.get().version()));
        return ctx.ack();
    }

    void openOrTell(BlockActionPayload p, Outcome outcome) {
        if (outcome instanceof Outcome.Draft draft) {
            clicks.open(p, AgreementForms.form(draft));
        } else if (outcome instanceof Outcome.Refused refused) {
            clicks.tell(p, refused.message());
        }
    }

    Response submit(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
        var payload = req.getPayload();
        var values = payload.getView().getState() == null ? null : payload.getView().getState().getValues();
        Optional<AgreementForms.About> about = AgreementForms.About.parse(payload.getView().getPrivateMetadata());
        if (about.isEmpty()) {
            return ctx.ackWithErrors(Map.of(AgreementForms.POINTS_BLOCK, Clicks.BROKEN));
        }
        Outcome outcome = agreements.propose(payload.getTeam().getId(), payload.getUser().getId(),
                about.get().memberId(), about.get().checkInId(), AgreementForms.text(values, AgreementForms.POINTS_BLOCK));
        if (outcome instanceof Outcome.Changed changed) {
            Agreement a = changed.agreement();
            clicks.later("sending version " + changed.version().number() + " of agreement " + a.id(),
                    () -> notifier.proposed(a, changed.version()));
            return ctx.ack();
        }
        return ctx.ackWithErrors(Map.of(AgreementForms.POINTS_BLOCK, message(outcome)));
    }

    /** Earlier versions, from History: only for the two of them. */
    Response versions(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload p = req.getPayload();
        String viewerId = p.getUser().getId();
        Optional<Agreement> found = Clicks.ref(p).flatMap(r -> agreements.visibleTo(p.getTeam().getId(), viewerId,
                r.leaderId(), r.memberId()));
        if (found.isEmpty()) {
            clicks.tell(p, Agreements.NOT_YOURS);
        } else {
            clicks.open(p, VersionsView.of(found.get(), viewerId));
        }
        return ctx.ack();
    }

    static String message(Outcome outcome) {
        if (outcome instanceof Outcome.Refused r) {
            return r.message();
        }
        if (outcome instanceof Outcome.Invalid i) {
            return i.message();
        }
        if (outcome instanceof Outcome.Unchanged u) {
            return u.message();
        }
        return "Sorry, something went wrong. Please try again.";
    }
}
