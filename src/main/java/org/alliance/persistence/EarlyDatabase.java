package org.alliance.persistence;

import org.springframework.boot.context.event.ApplicationContextInitializedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.SmartApplicationListener;

/**
 * Begins opening the database the moment the application context exists (registered in
 * {@code META-INF/spring.factories}), a second or two before any bean could: the settings are bound
 * from the environment as the beans will bind them, and {@link MongoConfig} takes the opening over.
 * If the start fails before it does, the opening is closed here, so no server or file lock is left.
 */
class EarlyDatabase implements SmartApplicationListener {

    /** What {@link MongoConfig} looks for: the opening begun for its context, if any. */
    record Begun(DatabaseOpening opening) {
    }

    static final String BEAN = "earlyDatabaseOpening";

    @Override
    public boolean supportsEventType(Class<? extends ApplicationEvent> type) {
        return ApplicationContextInitializedEvent.class.isAssignableFrom(type)
                || ApplicationFailedEvent.class.isAssignableFrom(type);
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ApplicationContextInitializedEvent initialized) {
            begin(initialized.getApplicationContext());
        } else if (event instanceof ApplicationFailedEvent failed && failed.getApplicationContext() != null) {
            ConfigurableApplicationContext context = failed.getApplicationContext();
            if (context.getBeanFactory().containsSingleton(BEAN)) {
                ((Begun) context.getBeanFactory().getSingleton(BEAN)).opening().close();
            }
        }
    }

    private static void begin(ConfigurableApplicationContext context) {
        MongoSettings mongo;
        EmbeddedMongoSettings embedded;
        try {
            Binder binder = Binder.get(context.getEnvironment());
            mongo = binder.bindOrCreate("alliance.mongodb", MongoSettings.class);
            embedded = binder.bindOrCreate("alliance.embedded-mongo", EmbeddedMongoSettings.class);
        } catch (RuntimeException e) {
            // A bad setting: the beans bind it again and report it as every other bad setting is reported.
            return;
        }
        context.getBeanFactory().registerSingleton(BEAN, new Begun(DatabaseOpening.inBackground(mongo, embedded)));
    }
}
