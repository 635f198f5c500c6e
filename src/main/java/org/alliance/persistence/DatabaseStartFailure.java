package org.alliance.persistence;

/**
 * The database can't be had at start-up for a reason an operator can fix. Spring Boot's failure
 * report shows {@link #description} and {@link #action} instead of a stack trace
 * ({@link DatabaseFailureAnalyzer}); each is one line.
 */
final class DatabaseStartFailure extends RuntimeException {

    private final String action;

    DatabaseStartFailure(String description, String action, Throwable cause) {
        super(description, cause);
        this.action = action;
    }

    String description() {
        return getMessage();
    }

    String action() {
        return action;
    }
}
