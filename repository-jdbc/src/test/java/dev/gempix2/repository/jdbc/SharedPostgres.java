package dev.gempix2.repository.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One embedded PostgreSQL for every test class that asks for a {@link TestDatabase} (a parameter of its
 * {@code @BeforeAll} method): started on first use, stopped at the end of the run (held in JUnit's root store),
 * each class given a fresh database of its own ({@code CREATE DATABASE}, a fraction of a server's start-up).
 * A test that stops or restarts the server ({@code DatabaseRestartTest}) starts its own instead.
 */
final class SharedPostgres implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedPostgres.class);
    private static final AtomicInteger DATABASES = new AtomicInteger();

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        EmbeddedPostgres server = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("server", key -> new Server(), Server.class).postgres;
        return context.getStore(NAMESPACE).getOrComputeIfAbsent("database", key -> {
            String name = context.getRequiredTestClass().getSimpleName().toLowerCase(Locale.ROOT) + "_"
                    + DATABASES.incrementAndGet();
            Databases.execute(server.getPostgresDatabase(), "CREATE DATABASE " + name);
            return new TestDatabase(server, name);
        }, TestDatabase.class);
    }

    /** The server, stopped when JUnit closes its root store at the end of the run. */
    private static final class Server implements ExtensionContext.Store.CloseableResource {
        final EmbeddedPostgres postgres = Databases.startPostgres();

        @Override
        public void close() {
            try {
                postgres.close();
            } catch (IOException failed) {
                throw new UncheckedIOException(failed);
            }
        }
    }
}
