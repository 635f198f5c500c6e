package org.alliance.checkin;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.slack.api.model.block.LayoutBlock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import static org.alliance.checkin.MessageParts.mention;

/**
 * "Thanks, I've read this": the leader tells a person (or, for an anonymous check-in, everyone
 * asked) that they read the answer. Only the first click counts and only the leader's; anything
 * else gets a sentence for the one who clicked, never an error.
 */
@Service
class ReadReceipts {

    /** A click on a read button, and the message it was on (changed in place once read). */
    record Click(String teamId, String userId, String value, String channelId, String ts, String text,
                 List<LayoutBlock> blocks) {
    }

    static final String NO_ANSWER = "That button doesn't lead to an answer I can mark as read. "
            + "`/alliance list` shows the check-ins you lead.";

    private static final Logger log = LoggerFactory.getLogger(ReadReceipts.class);

    private final CheckInRepository checkIns;
    private final ResponseRepository responses;
    private final SlackLoopMessenger slack;
    private final Stripes stripes;
    private final Clock clock;

    private final ApplicationEventPublisher events;

    ReadReceipts(CheckInRepository checkIns, ResponseRepository responses, SlackLoopMessenger slack, Stripes stripes,
                 Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.checkIns = checkIns;
        this.responses = responses;
        this.slack = slack;
        this.stripes = stripes;
        this.clock = clock;
    }

    /** One shared answer read; returns what to tell the clicker, empty when there is nothing to say. */
    Optional<String> answer(Click click) {
        Optional<FollowUpButton> ref = FollowUpButton.parse(click.value());
        Optional<CheckIn> found = ref.flatMap(x -> checkIns.find(click.teamId(), x.checkInId()));
        if (found.isEmpty()) {
            return Optional.of(NO_ANSWER);
        }
        CheckIn c = found.get();
        if (!c.leaderId().equals(click.userId())) {
            return Optional.of("Only " + mention(c.leaderId()) + ", who leads check-in `" + c.id()
                    + "`, can mark this answer as read.");
        }
        // Anonymous answers are never shown one by one, so no button points at one: say nothing about it.
        Optional<Response> answered = c.visibility() == Visibility.ANONYMOUS ? Optional.empty()
                : responses.find(c.id(), ref.get().memberId()).filter(r -> r.status() == ResponseStatus.ANSWERED);
        if (answered.isEmpty()) {
            return Optional.of(NO_ANSWER);
        }
        Instant now = clock.instant();
        if (responses.acknowledged(answered.get().id(), now).isEmpty()) {
            return Optional.empty(); // read before: the first click already said so
        }
        events.publishEvent(new LoopClosed(c.teamId(), c.id(), c.leaderId(), now));
        // In the check-in's stripe, so a re-rendering of the same DM for an edit can't land on top of this one.
        Response read = stripes.with(c.id(), () -> {
            CheckIn latest = checkIns.find(c.teamId(), c.id()).orElse(c);
            Response r = responses.find(c.id(), ref.get().memberId()).orElseThrow();
            slack.answerRead(latest, r);
            return r;
        });
        if (!Objects.equals(click.ts(), read.sharedTs())) {
            // Clicked elsewhere (the nudge): that message shows it too.
            slack.markRead(click.teamId(), click.channelId(), click.ts(), click.text(), click.blocks(),
                    AnswerButtons.ACKNOWLEDGE, now);
        }
        return Optional.empty();
    }

    /** An anonymous check-in's summary read: everyone asked is told, with no author named. */
    Optional<String> summary(Click click) {
        String checkInId = click.value() == null ? "" : click.value().strip();
        Optional<CheckIn> found = checkIns.find(click.teamId(), checkInId);
        if (found.isEmpty()) {
            return Optional.of("I can't find that check-in. `/alliance list` shows the check-ins you lead.");
        }
        CheckIn c = found.get();
        if (!c.leaderId().equals(click.userId())) {
            return Optional.of("Only " + mention(c.leaderId()) + ", who leads check-in `" + c.id()
                    + "`, can mark its summary as read.");
        }
        if (!SummaryNudgeJob.summaryShown(c, responses.forCheckIn(c.id()))) {
            return Optional.of("Check-in `" + c.id() + "` has no anonymous summary to mark as read.");
        }
        Instant now = clock.instant();
        // Serialised with the check-in's other work here, so two quick clicks can't split the answers between them.
        boolean first = stripes.with(c.id(), () -> responses.summaryAcknowledged(c.id(), now) > 0);
        if (!first) {
            return Optional.empty();
        }
        events.publishEvent(new LoopClosed(c.teamId(), c.id(), c.leaderId(), now));
        slack.markRead(click.teamId(), click.channelId(), click.ts(), click.text(), click.blocks(),
                AnswerButtons.ACKNOWLEDGE_SUMMARY, now);
        stripes.run(c.id(), () -> {
            for (Response r : responses.forCheckIn(c.id())) {
                try {
                    slack.summaryRead(c, r, now);
                } catch (RuntimeException e) {
                    log.warn("Check-in {}: could not tell {} the summary was read: {}", c.id(), r.userId(),
                            e.getMessage());
                }
            }
        });
        return Optional.empty();
    }
}
