package org.alliance.checkin;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.alliance.persistence.DatabaseOutage;
import org.alliance.shared.ShortIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Turns a plan into a running check-in, in steps whose order is the point: the parent message
 * must name the check-in, so its id is reserved first; what is stored afterwards points at the
 * parent (the responses don't, so they are stored while it is posted); and people are invited
 * only once everything they will click on exists (each person's own response: the first few must be
 * stored before anyone is invited, the rest are stored chunk by chunk while the first are). A step that
 * fails undoes the steps before it, so a failed start leaves no check-in, responses or parent.
 */
@Component
class Launch {

    private static final Logger log = LoggerFactory.getLogger(Launch.class);
    private static final int ID_ATTEMPTS = 10;
    static final String NOTHING_STARTED = "Something went wrong while starting the check-in, so nothing was started. "
            + "Please try again in a moment.";

    private final CheckInRepository checkIns;
    private final ResponseRepository responses;
    private final CheckInMessenger messenger;
    private final CheckInSchedule schedule;
    private final Invitations invitations;
    private final Ending ending;
    private final ShortIds ids;
    private final ChangeNotices notices;
    /** Stores a start's responses beside its Slack calls; idle threads go after a minute. */
    private final ExecutorService storing = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "launch-store");
        t.setDaemon(true);
        return t;
    });

    Launch(CheckInRepository checkIns, ResponseRepository responses, CheckInMessenger messenger,
           CheckInSchedule schedule, Invitations invitations, Ending ending, ShortIds ids, ChangeNotices notices) {
        this.checkIns = checkIns;
        this.responses = responses;
        this.messenger = messenger;
        this.schedule = schedule;
        this.invitations = invitations;
        this.ending = ending;
        this.ids = ids;
        this.notices = notices;
    }

    StartOutcome launch(StartPlan plan) {
        // 1. Reserve the id. Nothing to undo: nothing else exists yet.
        Optional<CheckIn> reserved = reserveId(plan);
        if (reserved.isEmpty()) {
            return new StartOutcome.Refused(NOTHING_STARTED);
        }
        CheckIn checkIn = reserved.get();
        try (CheckInLog.Scope ignored = CheckInLog.of(checkIn.id())) {
            return launch(plan, checkIn);
        }
    }

    private StartOutcome launch(StartPlan plan, CheckIn checkIn) {
        List<Response> initial = plan.responses(checkIn.id());
        // 2. Store the responses, chunk by chunk, while the parent and the leader's thread are posted
        //    (neither needs the other) and then while people are invited: in a large fan-out storing them
        //    all takes many send slots, which the first invitation would otherwise wait for. Post the
        //    parent. Undo: delete the responses and the check-in.
        ResponseFeed stored = new ResponseFeed(checkIn.id(), initial, responses);
        storing.execute(withLog(stored::store));
        CheckInMessenger.Posted parent;
        try {
            parent = messenger.postParent(checkIn, Progress.of(initial));
        } catch (RuntimeException e) {
            stored.abandon();
            undo(checkIn, "its responses", () -> responses.deleteForCheckIn(checkIn.id()));
            undo(checkIn, "the check-in", () -> checkIns.delete(checkIn.id()));
            return new StartOutcome.Refused(whyNotPosted(checkIn, e));
        }
        // A mention's thread holds the check-in; otherwise the parent starts its own.
        CheckIn posted = checkIn.withParent(parent.ts(), checkIn.threadTs() != null ? checkIn.threadTs() : parent.ts());

        // 3. Open the leader's DM thread (a leader-only check-in's answers go there), then store the
        //    thread, wait for the first chunk of responses (the first people's), and store the deadline,
        //    in that order.
        //    Undo: delete the responses, the check-in, and what was posted (the parent, that DM thread).
        CheckIn[] current = {posted};
        try {
            current[0] = withLeaderThread(posted);
            checkIns.replace(current[0]);
            stored.awaitFirst();
            schedule.started(current[0]);
        } catch (RuntimeException e) {
            stored.abandon(); // its responses are removed below: storing them must be over first
            boolean outage = DatabaseOutage.in(e);
            if (outage) {
                log.warn("Check-in {}: database unreachable while storing it ({}); removing it and its messages",
                        checkIn.id(), DatabaseOutage.summary(e));
            } else {
                log.error("Check-in {}: could not be stored; removing it and its messages", checkIn.id(), e);
            }
            CheckIn toRemove = current[0];
            undo(checkIn, "its responses", () -> responses.deleteForCheckIn(checkIn.id()));
            undo(checkIn, "the check-in", () -> checkIns.delete(checkIn.id()));
            undo(checkIn, "its messages", () -> messenger.deleteParent(toRemove));
            return new StartOutcome.Refused(outage ? StartCheckIn.DATABASE_DOWN : NOTHING_STARTED);
        }
        CheckIn started = current[0];
        log.info("Check-in {} started by {} in team {} with {} people", started.id(), started.leaderId(),
                started.teamId(), started.participants().size());
        // 4. Invite people, each once their response is stored. Never undone: whoever can't be reached
        //    (or stored) is reported to the leader. Meanwhile the start is announced (relationships, Home,
        //    metrics): that is per-person database work which would otherwise hold back the first
        //    invitation by seconds in a large fan-out.
        List<String> notReached = invitations.send(started, plan, stored, () -> notices.started(started));
        List<String> notStored = stored.notStored();
        if (!notStored.isEmpty()) {
            leaveOut(started, notStored);
        }
        if (!plan.away().isEmpty() || !notStored.isEmpty()) {
            // Everyone else might be away: then there is nobody left to wait for.
            ending.completeIfAllIn(started.teamId(), started.id());
        }
        // The check-in as started: the reply counts who was asked from its participants, less those not reached.
        return new StartOutcome.Started(started, notReached, plan.away());
    }

    /**
     * People whose response could not be stored were never asked: they are taken off the check-in, so
     * it neither lists nor waits for them and the leader can add them again. Should that fail too, they
     * stay listed without a response: progress doesn't count them, and the check-in then ends at its due
     * time rather than on the last answer ({@link Ending#completeIfAllIn} waits for everyone's response).
     */
    private void leaveOut(CheckIn started, List<String> notStored) {
        // A bulk write that failed part-way may have stored some of them after all: unasked, their
        // response must not be waited for, marked missed, or stop the leader adding them again.
        undo(started, "the unasked responses", () -> responses.deletePending(started.id(), notStored));
        try {
            checkIns.withoutParticipants(started.id(), notStored);
            checkIns.find(started.teamId(), started.id()).ifPresent(c ->
                    messenger.updateParent(c, Progress.of(responses.forCheckIn(c.id()))));
        } catch (RuntimeException e) {
            log.warn("Check-in {}: could not take off the {} people whose response wasn't stored: {}", started.id(),
                    notStored.size(), e.getMessage());
        }
    }

    /** Ids are short, so one may be taken: another is drawn. Empty when none could be stored. */
    private Optional<CheckIn> reserveId(StartPlan plan) {
        try {
            for (int attempt = 0; attempt < ID_ATTEMPTS; attempt++) {
                CheckIn checkIn = plan.checkIn(ids.next());
                if (checkIns.insert(checkIn)) {
                    return Optional.of(checkIn);
                }
            }
            log.error("Could not draw a free check-in id in {} attempts", ID_ATTEMPTS);
        } catch (RuntimeException e) {
            if (DatabaseOutage.in(e)) {
                // Nothing exists yet: the caller tells the leader the database is down.
                throw e;
            }
            log.error("Could not store a new check-in", e);
        }
        return Optional.empty();
    }

    /** A leader-only check-in collects its answers in a thread in the leader's DM. */
    private CheckIn withLeaderThread(CheckIn checkIn) {
        if (checkIn.visibility() != Visibility.LEADER) {
            return checkIn;
        }
        CheckInMessenger.Posted thread = messenger.startLeaderThread(checkIn);
        return checkIn.withLeaderThread(thread.channelId(), thread.ts());
    }

    private static String whyNotPosted(CheckIn checkIn, RuntimeException e) {
        if (e instanceof CheckInMessenger.CannotPost) {
            return e.getMessage();
        }
        log.error("Check-in {}: could not post the parent message", checkIn.id(), e);
        return "I couldn't post the check-in in <#" + checkIn.channelId() + ">: Slack didn't answer. "
                + "Nothing was started; please try again in a moment.";
    }

    private static Runnable withLog(Runnable work) {
        Map<String, String> context = MDC.getCopyOfContextMap();
        return () -> {
            if (context != null) {
                MDC.setContextMap(context);
            }
            try {
                work.run();
            } finally {
                MDC.clear();
            }
        };
    }

    /** Each undo on its own: a database that failed once may fail again, and the rest must still go. */
    private static void undo(CheckIn checkIn, String what, Runnable undo) {
        try {
            undo.run();
        } catch (RuntimeException e) {
            if (DatabaseOutage.in(e)) {
                log.warn("Check-in {}: could not remove {} after a failed start: database unreachable", checkIn.id(), what);
            } else {
                log.error("Check-in {}: could not remove {} after a failed start", checkIn.id(), what, e);
            }
        }
    }
}
