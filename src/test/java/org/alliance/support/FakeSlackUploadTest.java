package org.alliance.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest.FileDetails;
import com.slack.api.methods.response.files.FilesGetUploadURLExternalResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The fake's side of Slack's file upload flow, as the SDK calls it. */
class FakeSlackUploadTest {

    private static FakeSlack fake;
    private static MethodsClient methods;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startFake() {
        fake = FakeSlack.start();
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(fake.apiUrl());
        config.setFailOnUnknownProperties(false);
        config.getMethodsConfig().setStatsEnabled(false);
        methods = Slack.getInstance(config).methods("xoxb-test");
    }

    @AfterAll
    static void stopFake() {
        fake.close();
    }

    @BeforeEach
    void reset() {
        fake.reset();
    }

    @Test
    void aFileIsSharedWithTheBytesPostedToItsUploadUrl() throws Exception {
        byte[] content = "a,b\r\nZoë,😀\r\n".getBytes(StandardCharsets.UTF_8);
        FilesGetUploadURLExternalResponse target = methods.filesGetUploadURLExternal(r -> r.filename("x.csv")
                .length(content.length));
        assertThat(target.isOk()).isTrue();
        assertThat(target.getUploadUrl()).startsWith("http://127.0.0.1:");

        assertThat(post(target.getUploadUrl(), content)).isEqualTo(200);
        var done = methods.filesCompleteUploadExternal(r -> r.channelId("DU0ALICE").initialComment("Here")
                .files(List.of(FileDetails.builder().id(target.getFileId()).title("X").build())));

        assertThat(done.isOk()).isTrue();
        assertThat(done.getFiles()).singleElement().satisfies(f -> assertThat(f.getId()).isEqualTo(target.getFileId()));
        assertThat(fake.sharedFiles()).singleElement().satisfies(f -> {
            assertThat(f.channelId()).isEqualTo("DU0ALICE");
            assertThat(f.title()).isEqualTo("X");
            assertThat(f.initialComment()).isEqualTo("Here");
            assertThat(f.content()).isEqualTo(content);
        });
        assertThat(fake.calls()).extracting(FakeSlack.Call::method)
                .containsExactly("files.getUploadURLExternal", "upload", "files.completeUploadExternal");
    }

    @Test
    void completingFailsWhenTheBytesNeverCameOrTheLengthIsWrongOrTheChannelIsAUser() throws Exception {
        var never = methods.filesGetUploadURLExternal(r -> r.filename("x.csv").length(3));
        assertThat(complete(never.getFileId(), "DU0ALICE")).isEqualTo("file_not_found");

        var shorter = methods.filesGetUploadURLExternal(r -> r.filename("x.csv").length(3));
        post(shorter.getUploadUrl(), new byte[] {1, 2});
        assertThat(complete(shorter.getFileId(), "DU0ALICE")).isEqualTo("file_upload_size_mismatch");

        var fine = methods.filesGetUploadURLExternal(r -> r.filename("x.csv").length(1));
        post(fine.getUploadUrl(), new byte[] {1});
        assertThat(complete(fine.getFileId(), "U0ALICE")).isEqualTo("invalid_arguments");
        assertThat(fake.sharedFiles()).isEmpty();
    }

    @Test
    void anUploadUrlThatWasNotHandedOutIsNotFound() throws Exception {
        String url = fake.apiUrl().replace("/api/", "/upload/F99999999");
        assertThat(post(url, new byte[] {1})).isEqualTo(404);
    }

    private int post(String url, byte[] content) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofByteArray(content))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String complete(String fileId, String channelId) throws Exception {
        var response = methods.filesCompleteUploadExternal(r -> r.channelId(channelId)
                .files(List.of(FileDetails.builder().id(fileId).title("X").build())));
        assertThat(response.isOk()).isFalse();
        return response.getError();
    }
}
