package org.alliance.checkin;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link CheckInMessenger} in memory: it records what would have been said in Slack, in order,
 * and fails where a test tells it to.
 */
class RecordingMessenger implements CheckInMessenger {

    /** One thing said, e.g. {@code post parent K2345A 0 of 2 answered} or {@code invite K2345A U0ALICE}. */
    final List<String> said;
    /** Told to the leader with {@link #tell}. */
    final List<String> told = new CopyOnWriteArrayList<>();

    RuntimeException failPostParent;
    RuntimeException failLeaderThread;
    Set<String> failInvitesTo = Set.of();

    private final AtomicInteger ts = new AtomicInteger();

    RecordingMessenger() {
        this(new CopyOnWriteArrayList<>());
    }

    /** Records into {@code said}, so a test can see Slack calls in order with other steps. */
    RecordingMessenger(List<String> said) {
        this.said = said;
    }

    /** The ts of the parent message most recently posted. */
    String parentTs;

    @Override
    public Posted postParent(CheckIn checkIn, Progress progress) {
        said.add("post parent " + checkIn.id() + " " + progress.summary());
        if (failPostParent != null) {
            throw failPostParent;
        }
        parentTs = nextTs();
        return new Posted(checkIn.channelId(), parentTs);
    }

    @Override
    public void deleteParent(CheckIn checkIn) {
        said.add("delete parent " + checkIn.id() + " " + checkIn.parentTs());
    }

    @Override
    public Posted startLeaderThread(CheckIn checkIn) {
        said.add("open leader thread " + checkIn.id());
        if (failLeaderThread != null) {
            throw failLeaderThread;
        }
        return new Posted("D" + checkIn.leaderId(), nextTs());
    }

    @Override
    public Posted invite(CheckIn checkIn, Response response) {
        said.add("invite " + checkIn.id() + " " + response.userId());
        if (failInvitesTo.contains(response.userId())) {
            throw new IllegalStateException("cannot_dm_bot");
        }
        return new Posted("D" + response.userId(), nextTs());
    }

    @Override
    public void tell(String teamId, String userId, String text) {
        told.add(text);
    }

    @Override
    public void updateParent(CheckIn checkIn, Progress progress) {
        said.add("updateParent " + checkIn.id() + " " + progress.summary());
    }

    @Override
    public void updateInvitation(CheckIn checkIn, Response response) {
        said.add("updateInvitation " + checkIn.id() + " " + response.userId());
    }

    @Override
    public void askInThread(CheckIn checkIn, Response response, int index) {
        said.add("askInThread " + checkIn.id() + " " + response.userId() + " " + index);
    }

    @Override
    public void replyInThread(Response response, String text) {
        said.add("replyInThread " + response.id());
    }

    @Override
    public String shareAnswer(CheckIn checkIn, Response response, String existingTs) {
        said.add("shareAnswer " + checkIn.id() + " " + response.userId());
        return existingTs != null ? existingTs : nextTs();
    }

    @Override
    public void postAnonymousSummary(CheckIn checkIn, List<Response> responses) {
        said.add("postAnonymousSummary " + checkIn.id());
    }

    @Override
    public void anonymousBelowThreshold(CheckIn checkIn, int answered) {
        said.add("anonymousBelowThreshold " + checkIn.id());
    }

    @Override
    public void sendLeaderSummary(CheckIn checkIn, List<Response> responses) {
        said.add("sendLeaderSummary " + checkIn.id());
    }

    private String nextTs() {
        return "1764496800." + String.format("%06d", ts.incrementAndGet());
    }
}
