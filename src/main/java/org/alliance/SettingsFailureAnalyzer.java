package org.alliance;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * A bad Alliance setting stops the start with one line naming it and why, instead of Spring Boot's
 * generic "Failed to bind properties" block. Our settings records throw an exception whose message
 * already names the setting; a value that isn't even of the right type (a duration that isn't
 * one) is named from the binding. Registered in META-INF/spring.factories; ordered first so that
 * it answers before Spring Boot's own analyzer for the same exception.
 */
class SettingsFailureAnalyzer extends AbstractFailureAnalyzer<BindException> implements Ordered {

    private static final String PREFIX = "alliance.";

    static final String ACTION = "Fix that setting where it is set (its environment variable, an --option or "
            + "application.yml) and start again; README.md, \"Settings\", lists every setting and what it accepts.";

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
        if (!cause.getName().toString().startsWith(PREFIX)) {
            return null;
        }
        Throwable reason = firstIllegal(cause);
        if (reason == null) {
            return null;
        }
        ConfigurationProperty property = cause.getProperty();
        String description = property != null
                ? "Setting " + property.getName() + origin(property) + " can't be used: " + reason.getMessage()
                : "Bad setting: " + reason.getMessage();
        return new FailureAnalysis(oneLine(description), ACTION, cause);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    /** The settings record's own refusal, or the converter's reason for a value of the wrong type. */
    private static Throwable firstIllegal(BindException e) {
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if ((t instanceof IllegalArgumentException || t instanceof IllegalStateException) && t.getMessage() != null) {
                return t;
            }
        }
        return null;
    }

    private static String origin(ConfigurationProperty property) {
        return property.getOrigin() == null ? "" : " (from " + property.getOrigin() + ")";
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
