package org.alliance.checkin;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.alliance.support.InMemoryMongo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Where a response's changes of status are enforced: each is one conditional update, so a
 * change that is not allowed from the stored status leaves the response as it was.
 */
class ResponseRepositoryTest {

    private static final Instant T0 = Instant.parse("2025-01-06T09:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final Instant T2 = T0.plusSeconds(120);
    private static final String ANN = Response.idOf("CHK234", "U0ANN");

    private ResponseRepository responses;

    @BeforeEach
    void pendingResponses() {
        responses = new ResponseRepository(InMemoryMongo.freshDatabase());
        responses.insertAll(List.of(Response.pending("T1", "CHK234", "U0ANN", T0),
                Response.pending("T1", "CHK234", "U0BOB", T0), Response.pending("T1", "CHK999", "U0ANN", T0)));
    }

    private Response stored(String id) {
        String[] parts = id.split(":");
        return responses.find(parts[0], parts[1]).orElseThrow();
    }

    @Test
    void onePerPersonAndCheckIn() {
        assertThatThrownBy(() -> responses.insertAll(List.of(Response.pending("T1", "CHK234", "U0ANN", T1))))
                .isInstanceOf(com.mongodb.MongoException.class);
        assertThat(responses.forCheckIn("CHK234")).extracting(Response::userId).containsExactly("U0ANN", "U0BOB");
    }

    @Test
    void aResponseStoredAgainIsLeftAsItWasAndANewOneIsStored() {
        responses.answered(ANN, Map.of("how", "Fine"), T1).orElseThrow();

        // A retry of a bulk write that got part of the way: the response already there wins.
        responses.insertIfAbsent(Response.pending("T1", "CHK234", "U0ANN", T2));
        responses.insertIfAbsent(Response.pending("T1", "CHK234", "U0CAT", T2));

        assertThat(stored(ANN).status()).isEqualTo(ResponseStatus.ANSWERED);
        assertThat(responses.forCheckIn("CHK234")).extracting(Response::userId)
                .containsExactly("U0ANN", "U0BOB", "U0CAT");
    }

    @Test
    void answeringRecordsTheAnswersAndTheTime() {
        Response r = responses.answered(ANN, Map.of("how", "Fine"), T1).orElseThrow();

        assertThat(r.status()).isEqualTo(ResponseStatus.ANSWERED);
        assertThat(r.answers()).containsExactly(Map.entry("how", "Fine"));
        assertThat(r.answeredAt()).isEqualTo(T1);
        assertThat(r.updatedAt()).isEqualTo(T1);
        assertThat(stored(ANN)).isEqualTo(r);
    }

    @Test
    void anEditReplacesTheWholeSetOfAnswers() {
        responses.answered(ANN, Map.of("how", "Fine", "help", "Time"), T1).orElseThrow();

        Response edited = responses.answered(ANN, Map.of("how", "Better"), T2).orElseThrow();

        assertThat(edited.status()).isEqualTo(ResponseStatus.ANSWERED);
        assertThat(edited.answers()).containsExactly(Map.entry("how", "Better"));
        assertThat(edited.answeredAt()).isEqualTo(T2);
    }

    @Test
    void aSkippedOrMissedResponseCannotBeAnswered() {
        responses.skipped(ANN, "Away", T1).orElseThrow();
        responses.markMissed("CHK234", T1);

        assertThat(responses.answered(ANN, Map.of("how", "Fine"), T2)).isEmpty();
        assertThat(responses.answered(Response.idOf("CHK234", "U0BOB"), Map.of("how", "Fine"), T2)).isEmpty();
        assertThat(stored(ANN).status()).isEqualTo(ResponseStatus.SKIPPED);
        assertThat(stored(ANN).answers()).isEmpty();
        assertThat(stored(Response.idOf("CHK234", "U0BOB")).status()).isEqualTo(ResponseStatus.MISSED);
    }

    @Test
    void onlyAPendingResponseCanBeSkipped() {
        Response skipped = responses.skipped(ANN, "On leave", T1).orElseThrow();
        assertThat(skipped.status()).isEqualTo(ResponseStatus.SKIPPED);
        assertThat(skipped.skipReason()).isEqualTo("On leave");
        assertThat(skipped.updatedAt()).isEqualTo(T1);

        assertThat(responses.skipped(ANN, "Changed my mind", T2)).as("skipped twice").isEmpty();
        assertThat(stored(ANN).skipReason()).isEqualTo("On leave");

        String bob = Response.idOf("CHK234", "U0BOB");
        responses.answered(bob, Map.of("how", "Fine"), T1).orElseThrow();
        assertThat(responses.skipped(bob, null, T2)).as("skipping after answering").isEmpty();
        assertThat(stored(bob).status()).isEqualTo(ResponseStatus.ANSWERED);
    }

    @Test
    void missingTouchesOnlyThePendingResponsesOfThatCheckIn() {
        responses.answered(ANN, Map.of("how", "Fine"), T1).orElseThrow();

        assertThat(responses.markMissed("CHK234", T2)).isEqualTo(1);

        assertThat(stored(ANN).status()).isEqualTo(ResponseStatus.ANSWERED);
        Response bob = stored(Response.idOf("CHK234", "U0BOB"));
        assertThat(bob.status()).isEqualTo(ResponseStatus.MISSED);
        assertThat(bob.updatedAt()).isEqualTo(T2);
        assertThat(stored(Response.idOf("CHK999", "U0ANN")).status()).isEqualTo(ResponseStatus.PENDING);
        assertThat(responses.markMissed("CHK234", T2)).as("nothing left to miss").isZero();
    }

    @Test
    void aThreadReplyIsTakenOnceForTheQuestionTheThreadIsAt() {
        Response first = responses.threadReply(ANN, 0, "how", "Fine", "10.1", false, T1).orElseThrow();
        assertThat(first.threadNext()).isEqualTo(1);
        assertThat(first.lastReplyTs()).isEqualTo("10.1");
        assertThat(first.status()).isEqualTo(ResponseStatus.PENDING);
        assertThat(first.answers()).containsExactly(Map.entry("how", "Fine"));

        assertThat(responses.threadReply(ANN, 0, "how", "Again", "10.2", false, T1)).as("question 0 again").isEmpty();
        assertThat(responses.threadReply(ANN, 2, "help", "Skipping ahead", "10.2", false, T1)).isEmpty();

        Response skippedOne = responses.threadReply(ANN, 1, "mood", null, "10.3", false, T1).orElseThrow();
        assertThat(skippedOne.answers()).containsOnlyKeys("how");

        Response last = responses.threadReply(ANN, 2, "help", "Time", "10.4", true, T2).orElseThrow();
        assertThat(last.status()).isEqualTo(ResponseStatus.ANSWERED);
        assertThat(last.answeredAt()).isEqualTo(T2);
        assertThat(last.answers()).containsOnlyKeys("how", "help");

        assertThat(responses.threadReply(ANN, 3, "help", "More", "10.5", true, T2)).as("answered already").isEmpty();
    }

    @Test
    void aThreadOfOnlySkipsBecomesASkipButAnswersAreNeverDropped() {
        responses.threadReply(ANN, 0, "how", null, "10.1", true, T1).orElseThrow();
        Response skipped = responses.skippedAfterThread(ANN, T2).orElseThrow();
        assertThat(skipped.status()).isEqualTo(ResponseStatus.SKIPPED);
        assertThat(skipped.answeredAt()).isNull();
        assertThat(skipped.updatedAt()).isEqualTo(T2);

        String bob = Response.idOf("CHK234", "U0BOB");
        responses.threadReply(bob, 0, "how", "Fine", "10.1", true, T1).orElseThrow();
        assertThat(responses.skippedAfterThread(bob, T2)).isEmpty();
        assertThat(stored(bob).status()).isEqualTo(ResponseStatus.ANSWERED);
    }

    @Test
    void theDmThreadFindsItsResponseWithinTheTeam() {
        responses.invited(ANN, "D0ANN", "20.1").orElseThrow();

        assertThat(responses.byDmThread("T1", "D0ANN", "20.1")).map(Response::id).contains(ANN);
        assertThat(responses.byDmThread("T2", "D0ANN", "20.1")).isEmpty();
        assertThat(responses.byDmThread("T1", "D0ANN", "20.2")).isEmpty();
    }

    @Test
    void pendingForListsOnlyWhatStillWaitsForThatPerson() {
        responses.answered(Response.idOf("CHK999", "U0ANN"), Map.of("how", "Fine"), T1).orElseThrow();

        assertThat(responses.pendingFor("T1", "U0ANN")).extracting(Response::checkInId).containsExactly("CHK234");
        assertThat(responses.pendingFor("T2", "U0ANN")).isEmpty();
    }
}
