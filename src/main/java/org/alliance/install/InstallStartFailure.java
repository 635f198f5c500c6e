package org.alliance.install;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A start refused because installing needs something that is not set; reported in two plain lines. */
final class InstallStartFailure extends RuntimeException {

    static final String NO_KEY = "Distribution mode (SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET are set)"
            + " stores each workspace's bot token encrypted, but ALLIANCE_ENCRYPTION_KEY is not set";
    static final String NO_KEY_ACTION = "Set ALLIANCE_ENCRYPTION_KEY to 32 random bytes in base64 (make one with"
            + " `openssl rand -base64 32`, keep it secret and keep it: without it the stored tokens can't be read),"
            + " then start again. README.md, \"Many workspaces\", says more.";

    private final String action;

    InstallStartFailure(String description, String action) {
        super(description);
        this.action = action;
    }

    /** Registered in META-INF/spring.factories. */
    static class Analyzer extends AbstractFailureAnalyzer<InstallStartFailure> {
        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, InstallStartFailure cause) {
            return new FailureAnalysis(cause.getMessage(), cause.action, cause);
        }
    }
}
