package org.alliance.checkin;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link CheckInMessenger} in memory: it posts nothing, remembers each call as one line
 * ({@code "method checkInId detail"}), in order, and fails where a test tells it to.
 */
final class RecordingMessenger implements CheckInMessenger {

    final List<String> calls;
    /** The ts of the parent message most recently posted. */
    String parentTs;
    /** The ts of the leader's DM thread most recently opened. */
    String leaderThreadTs;

    private final Map<String, RuntimeException> failing = new HashMap<>();
    private final Set<String> unreachable = new HashSet<>();
    private final AtomicInteger ts = new AtomicInteger();

    RecordingMessenger() {
        this(new CopyOnWriteArrayList<>());
    }

    /** Records into {@code calls}, so a test can see Slack calls in order with its other steps. */
    RecordingMessenger(List<String> calls) {
        this.calls = calls;
    }

    /** Makes every call of {@code method} throw, as Slack refusing it would. */
    void fail(String method) {
        fail(method, new IllegalStateException(method + " failed"));
    }

    void fail(String method, RuntimeException failure) {
        failing.put(method, failure);
    }

    /** Invitations to these people fail, as a DM to a deactivated account does. */
    void failInvitesTo(String... userIds) {
        unreachable.addAll(List.of(userIds));
    }

    List<String> callsOf(String method) {
        return calls.stream().filter(c -> c.equals(method) || c.startsWith(method + " ")).toList();
    }

    private void record(String method, String detail) {
        calls.add(method + " " + detail);
        RuntimeException failure = failing.get(method);
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public Posted postParent(CheckIn checkIn, Progress progress) {
        record("postParent", checkIn.id() + " " + progress.summary());
        parentTs = nextTs();
        return new Posted(checkIn.channelId(), parentTs);
    }

    @Override
    public void updateParent(CheckIn checkIn, Progress progress) {
        record("updateParent", checkIn.id() + " " + checkIn.status() + " " + progress.summary());
    }

    @Override
    public void deleteParent(CheckIn checkIn) {
        record("deleteParent", checkIn.id() + " " + checkIn.parentTs()
                + (checkIn.leaderThreadTs() == null ? "" : " and " + checkIn.leaderChannelId() + " " + checkIn.leaderThreadTs()));
    }

    @Override
    public Posted invite(CheckIn checkIn, Response response) {
        record("invite", checkIn.id() + " " + response.userId());
        if (unreachable.contains(response.userId())) {
            throw new IllegalStateException("cannot_dm_bot");
        }
        return new Posted("D" + response.userId(), nextTs());
    }

    @Override
    public void updateInvitation(CheckIn checkIn, Response response) {
        record("updateInvitation", checkIn.id() + " " + response.userId() + " " + response.status());
    }

    @Override
    public void released(CheckIn checkIn, Response response) {
        record("released", checkIn.id() + " " + response.userId());
    }

    @Override
    public void askInThread(CheckIn checkIn, Response response, int index) {
        record("askInThread", checkIn.id() + " " + response.userId() + " " + index);
    }

    @Override
    public void replyInThread(Response response, String text) {
        record("replyInThread", response.userId() + " " + text);
    }

    @Override
    public Posted startLeaderThread(CheckIn checkIn) {
        record("startLeaderThread", checkIn.id());
        leaderThreadTs = nextTs();
        return new Posted("D" + checkIn.leaderId(), leaderThreadTs);
    }

    @Override
    public String shareAnswer(CheckIn checkIn, Response response, String existingTs) {
        record("shareAnswer", checkIn.id() + " " + response.userId());
        return existingTs != null ? existingTs : nextTs();
    }

    @Override
    public void postAnonymousSummary(CheckIn checkIn, List<Response> responses) {
        record("postAnonymousSummary", checkIn.id() + " " + responses.size());
    }

    @Override
    public void anonymousBelowThreshold(CheckIn checkIn, int answered) {
        record("anonymousBelowThreshold", checkIn.id() + " " + answered);
    }

    @Override
    public void reportAnonymousQuestions(CheckIn checkIn, List<Response> responses) {
        record("reportAnonymousQuestions", checkIn.id() + " " + responses.size());
    }

    @Override
    public void sendLeaderSummary(CheckIn checkIn, List<Response> responses) {
        record("sendLeaderSummary", checkIn.id() + " " + checkIn.status() + " " + Progress.of(responses).summary());
    }

    @Override
    public void tell(String teamId, String userId, String text) {
        record("tell", userId + " " + text);
    }

    private String nextTs() {
        return "1764496800." + String.format("%06d", ts.incrementAndGet());
    }
}
