package dev.gempix2.examples.quarkus;

import dev.gempix2.testkit.FakeGemPix2Backend;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;

/**
 * An embedded PostgreSQL, the testkit's fake GemPix2 and a second instance of the app ({@link PlainJavaInstance})
 * on that database; points the Quarkus app (instance 1) at both with {@code gempix2.repository.type=jdbc} on
 * Agroal's default datasource, and its callback URL at instance 2, as a load balancer would route it.
 */
public class SharedStoreResource implements QuarkusTestResourceLifecycleManager {
    static FakeGemPix2Backend fake;
    private EmbeddedPostgres postgres;
    private PlainJavaInstance instance2;

    /** Creates the resource; Quarkus calls {@link #start()}. */
    public SharedStoreResource() {
    }

    @Override
    public Map<String, String> start() {
        try {
            postgres = EmbeddedPostgres.builder().start();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        fake = FakeGemPix2Backend.builder().stageDuration(Duration.ofMillis(100)).start();
        instance2 = new PlainJavaInstance(postgres.getPostgresDatabase(), fake);
        return Map.of(
                "quarkus.datasource.db-kind", "postgresql",
                "quarkus.datasource.jdbc.url", postgres.getJdbcUrl("postgres", "postgres"),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "",
                "gempix2.repository.type", "jdbc",
                "gempix2.base-url", fake.baseUrl().toString(),
                "gempix2.api-key", fake.apiKey().reveal(),
                "gempix2.callback.base-url", instance2.callbackBaseUrl().toString(),
                // Polling is the safety net: keep it out of the way, so the callback and the push complete.
                "gempix2.polling.initial-delay", "60s");
    }

    @Override
    public void stop() {
        if (instance2 != null) {
            instance2.close();
        }
        if (fake != null) {
            fake.close();
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException ignored) {
                // the test is over; the server's files are in a temporary folder
            }
        }
    }
}
