package org.alliance.slack;

/** A Web API call that got no usable answer; {@code error} is Slack's error code when it gave one. */
public class SlackCallFailed extends RuntimeException {

    private final String method;
    private final String error;

    public SlackCallFailed(String method, String error, Throwable cause) {
        super(method + " failed: " + error, cause);
        this.method = method;
        this.error = error;
    }

    public String method() {
        return method;
    }

    public String error() {
        return error;
    }
}
