package org.alliance.persistence;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Registered in META-INF/spring.factories, so it runs before any bean exists. */
class DatabaseFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseStartFailure> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DatabaseStartFailure cause) {
        return new FailureAnalysis(cause.description(), cause.action(), cause);
    }
}
