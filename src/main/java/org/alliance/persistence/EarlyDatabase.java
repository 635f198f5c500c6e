package org.alliance.persistence;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Opens the database on a thread of its own as soon as the settings are read, while Spring goes on
 * building the web server and the other beans; {@code MongoConfig} takes it when it makes its first
 * bean. Opening is mostly loading and initializing the classes of H2, Netty, mongo-java-server and
 * the driver, which the main thread would otherwise do in turn (issue #12, docs/benchmarks.md).
 *
 * <p>Settings that do not bind are left to the beans, which report them as usual; a failure to open
 * is thrown where the bean would have thrown it. What was opened and not taken is closed with the
 * context, also with a context that failed before it got that far.
 */
final class EarlyDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String BEAN = "alliance.earlyDatabase";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        // Spring AOT runs the start at build time only to read the bean definitions.
        if (Boolean.getBoolean("spring.aot.processing")
                || !(context.getBeanFactory() instanceof DefaultSingletonBeanRegistry registry)) {
            return;
        }
        MongoSettings mongo;
        EmbeddedMongoSettings embedded;
        try {
            Binder binder = Binder.get(context.getEnvironment());
            mongo = binder.bindOrCreate("alliance.mongodb", MongoSettings.class);
            embedded = binder.bindOrCreate("alliance.embedded-mongo", EmbeddedMongoSettings.class);
        } catch (RuntimeException e) {
            return;
        }
        Opening opening = new Opening(mongo, embedded);
        registry.registerSingleton(BEAN, opening);
        registry.registerDisposableBean(BEAN, opening);
        Thread thread = new Thread(opening::open, "database-open");
        thread.setDaemon(true);
        thread.start();
    }

    /** The database being opened; taken once, and from then on closing it is the taker's. */
    static final class Opening implements DisposableBean {

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

        /** The database, if it was opened with these settings and not taken yet; its failure to open, thrown. */
        Optional<OpenDatabase> take(MongoSettings mongo, EmbeddedMongoSettings embedded) {
            if (!mongo.equals(this.mongo) || !embedded.equals(this.embedded) || !taken.compareAndSet(false, true)) {
                return Optional.empty();
            }
            try {
                return Optional.of(opened.join());
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r
                        : new IllegalStateException("Cannot open the database: " + e.getCause(), e.getCause());
            }
        }

        boolean taken() {
            return taken.get();
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
