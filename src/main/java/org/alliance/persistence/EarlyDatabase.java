package org.alliance.persistence;

import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.context.event.ApplicationContextInitializedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Begins opening the database the moment the application context exists (registered in
 * {@code META-INF/spring.factories}), a few seconds before any bean could: the settings are bound
 * from the environment as the beans will bind them, and {@link MongoConfig} takes the opening over.
 * The context closes it however it ends, so a start that fails before the beans took it leaves no
 * server running and no lock on the data folder.
 */
class EarlyDatabase implements ApplicationListener<ApplicationContextInitializedEvent> {

    /** What {@link MongoConfig} looks for: the opening begun for its context. */
    record Begun(DatabaseOpening opening) {
    }

    static final String BEAN = "earlyDatabaseOpening";

    @Override
    public void onApplicationEvent(ApplicationContextInitializedEvent event) {
        ConfigurableApplicationContext context = event.getApplicationContext();
        if (!(context.getBeanFactory() instanceof DefaultSingletonBeanRegistry registry)) {
            return;
        }
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
        DatabaseOpening opening = DatabaseOpening.inBackground(mongo, embedded);
        registry.registerSingleton(BEAN, new Begun(opening));
        // A registered object is not closed with the context; this is (closing twice is harmless).
        registry.registerDisposableBean(BEAN, opening::close);
    }
}
