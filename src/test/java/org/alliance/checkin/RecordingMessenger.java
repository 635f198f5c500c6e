package org.alliance.checkin;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A {@link CheckInMessenger} that posts nothing and remembers each call as one line
 * ({@code "method checkInId detail"}), so tests can say what the services told whom.
 */
final class RecordingMessenger implements CheckInMessenger {

    final List<String> calls = new ArrayList<>();
    private final Set<String> failing = new HashSet<>();
    private int shared;

    /** Makes every call of {@code method} throw, as Slack refusing it would. */
    void fail(String method) {
        failing.add(method);
    }

    List<String> callsOf(String method) {
        return calls.stream().filter(c -> c.equals(method) || c.startsWith(method + " ")).toList();
    }

    private void record(String method, String detail) {
        calls.add(method + " " + detail);
        if (failing.contains(method)) {
            throw new IllegalStateException(method + " failed");
        }
    }

    @Override
    public Posted postParent(CheckIn checkIn, Progress progress) {
        record("postParent", checkIn.id());
        return new Posted(checkIn.channelId(), "1.1");
    }

    @Override
    public void updateParent(CheckIn checkIn, Progress progress) {
        record("updateParent", checkIn.id() + " " + checkIn.status() + " " + progress.summary());
    }

    @Override
    public void deleteParent(CheckIn checkIn) {
        record("deleteParent", checkIn.id());
    }

    @Override
    public Posted invite(CheckIn checkIn, Response response) {
        record("invite", checkIn.id() + " " + response.userId());
        return new Posted("D" + response.userId(), "2.1");
    }

    @Override
    public void updateInvitation(CheckIn checkIn, Response response) {
        record("updateInvitation", checkIn.id() + " " + response.userId() + " " + response.status());
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
        return new Posted("D" + checkIn.leaderId(), "3.1");
    }

    @Override
    public String shareAnswer(CheckIn checkIn, Response response, String existingTs) {
        record("shareAnswer", checkIn.id() + " " + response.userId());
        return existingTs != null ? existingTs : "4." + (++shared);
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
    public void sendLeaderSummary(CheckIn checkIn, List<Response> responses) {
        record("sendLeaderSummary", checkIn.id() + " " + checkIn.status() + " " + Progress.of(responses).summary());
    }

    @Override
    public void tell(String teamId, String userId, String text) {
        record("tell", userId + " " + text);
    }
}
