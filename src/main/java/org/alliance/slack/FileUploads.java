package org.alliance.slack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest.FileDetails;
import org.springframework.stereotype.Component;

/**
 * Sends a file to a person's DM with Slack's upload flow: {@code files.getUploadURLExternal},
 * the bytes POSTed to the URL Slack returned, then {@code files.completeUploadExternal}, which
 * shares it. That last method takes only a conversation id (C/G/D), never a user id; the comment
 * goes first as a message to the user id, and Slack's answer names the DM's id. That spares the
 * {@code im:write} scope {@code conversations.open} would need. Slow: call it after the ack.
 */
@Component
public class FileUploads {

    /** What Slack made of the upload; {@code permalink} may be null when Slack gives none. */
    public record Shared(String fileId, String channelId, String permalink) {
    }

    private static final Duration UPLOAD_TIMEOUT = Duration.ofSeconds(60);

    private final SlackApi api;

    FileUploads(SlackApi api) {
        this.api = api;
    }

    /**
     * Uploads {@code content} as {@code filename} and shares it in the bot's DM with {@code userId},
     * introduced by {@code comment} (mrkdwn). Throws {@link SlackCallFailed} when any step fails.
     */
    public Shared toDirectMessage(String teamId, String userId, String filename, String title, byte[] content,
                                  String comment) {
        String dm = api.callOk(teamId, userId, "chat.postMessage", c -> c.chatPostMessage(r -> r.channel(userId)
                .text(comment).unfurlLinks(false).unfurlMedia(false))).getChannel();
        var target = api.callOk(teamId, "files.getUploadURLExternal",
                c -> c.filesGetUploadURLExternal(r -> r.filename(filename).length(content.length)));
        post(target.getUploadUrl(), content);
        var done = api.callOk(teamId, "files.completeUploadExternal", c -> c.filesCompleteUploadExternal(r -> r
                .files(List.of(FileDetails.builder().id(target.getFileId()).title(title).build()))
                .channelId(dm)));
        String permalink = done.getFiles() == null || done.getFiles().isEmpty() ? null
                : done.getFiles().get(0).getPermalink();
        return new Shared(target.getFileId(), dm, permalink);
    }

    /** The upload URL is signed by Slack for this one file, so no token goes with it. */
    private void post(String uploadUrl, byte[] content) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(uploadUrl)).timeout(UPLOAD_TIMEOUT)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)).build();
        try {
            HttpResponse<String> response = Uploads.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new SlackCallFailed("file upload", "HTTP " + response.statusCode(), null);
            }
        } catch (IOException e) {
            throw new SlackCallFailed("file upload", e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlackCallFailed("file upload", "interrupted", e);
        }
    }

    /**
     * Made at the first upload, not at start-up: the JDK's HTTP client loads several dozen classes of its
     * own and starts a selector thread, which every start paid for a feature used now and then (issue #12).
     */
    private static final class Uploads {
        static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }
}
