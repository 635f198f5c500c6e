package org.alliance.persistence;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * Opens the database on a thread of its own as soon as the settings are read, while Spring goes on
 * building the web server and the other beans; {@code MongoConfig} takes it when it makes its first
 * bean. Opening is mostly loading and initializing the classes of H2, Netty, mongo-java-server and
 * the driver, which the main thread would otherwise do in turn (issue #12, docs/benchmarks.md).
 *
 * <p>Settings that do not bind are left to the beans, which report them as usual; a failure to open
 * is thrown where the bean would have thrown it. What was opened and not taken is closed with the
 * context, or when the start fails before the context could be closed.
 */
final class EarlyDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String BEAN = "alliance.earlyDatabase";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        // Spring AOT runs the start at build time only to read the bean definitions.
        if (Boolean.getBoolean(AbstractAotProcessor.AOT_PROCESSING)
                || !(context.getBeanFactory() instanceof DefaultSingletonBeanRegistry registry)) {
            return;
        }
        MongoSettings mongo;
        EmbeddedMongoSettings embedded;
        try {
            Binder binder = Binder.get(context.getEnvironment());
            mongo = binder.bindOrCreate(prefix(MongoSettings.class), MongoSettings.class);
            embedded = binder.bindOrCreate(prefix(EmbeddedMongoSettings.class), EmbeddedMongoSettings.class);
        } catch (RuntimeException e) {
            return;
        }
        Opening opening = new Opening(mongo, embedded);
        registry.registerSingleton(BEAN, opening);
        registry.registerDisposableBean(BEAN, opening);
        // A start can fail after this and before the context is refreshed, when closing it closes nothing.
        context.addApplicationListener(opening);
        Thread thread = new Thread(opening::open, "database-open");
        thread.setDaemon(true);
        thread.start();
    }

    private static String prefix(Class<?> settings) {
        return AnnotatedElementUtils.findMergedAnnotation(settings, ConfigurationProperties.class).prefix();
    }

    /** The database being opened; taken once, and from then on closing it is the taker's. */
    static final class Opening implements DisposableBean, ApplicationListener<ApplicationFailedEvent> {

        private final MongoSettings mongo;
        private final EmbeddedMongoSettings embedded;
        private final CompletableFuture<OpenDatabase> opened = new CompletableFuture<>();
        private final AtomicBoolean taken = new AtomicBoolean();

        private Opening(MongoSettings mongo, EmbeddedMongoSettings embedded) {
            this.mongo = mongo;
            this.embedded = embedded;
        }

        private void open() {
            try {
                opened.complete(OpenDatabase.open(mongo, embedded));
            } catch (Throwable e) {
                opened.completeExceptionally(e);
            }
        }

        /**
         * The database, if it was opened with these settings; its failure to open, thrown. With other
         * settings (changed after the start read them) it is closed first, so that the taker can open
         * the same folder or port itself.
         */
        Optional<OpenDatabase> take(MongoSettings mongo, EmbeddedMongoSettings embedded) {
            if (!mongo.equals(this.mongo) || !embedded.equals(this.embedded)) {
                destroy();
                return Optional.empty();
            }
            if (!taken.compareAndSet(false, true)) {
                return Optional.empty();
            }
            try {
                return Optional.of(opened.join());
            } catch (CompletionException e) {
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }

        boolean taken() {
            return taken.get();
        }

        @Override
        public void onApplicationEvent(ApplicationFailedEvent event) {
            destroy();
        }

        @Override
        public void destroy() {
            if (taken.compareAndSet(false, true)) {
                try {
                    opened.join().close();
                } catch (CompletionException e) {
                    // It never opened: nothing to close.
                }
            }
        }
    }
}
