package dev.gempix2.repository.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.gempix2.core.GemPix2Client;
import dev.gempix2.core.PollingPolicy;
import dev.gempix2.core.TaskListener;
import dev.gempix2.core.port.TaskRepository;
import dev.gempix2.testkit.FakeGemPix2Backend;
import dev.gempix2.transport.httpclient5.HttpClient5Transport;
import java.net.URI;
import java.time.Duration;
import java.util.function.UnaryOperator;

/** One instance of an app: its own pool, repository, transport and client, on the shared database. */
final class AppInstance implements AutoCloseable {
    final HikariDataSource pool;
    final JdbcTaskRepository repository;
    final HttpClient5Transport transport;
    final GemPix2Client client;

    AppInstance(TestDatabase postgres, FakeGemPix2Backend fake, URI callbackBaseUrl, String name,
                Duration lease, PollingPolicy polling) {
        this(postgres, fake, callbackBaseUrl, name, lease, polling, (record, task) -> { });
    }

    AppInstance(TestDatabase postgres, FakeGemPix2Backend fake, URI callbackBaseUrl, String name,
                Duration lease, PollingPolicy polling, TaskListener listener) {
        this(postgres, fake, callbackBaseUrl, name, lease, polling, listener, UnaryOperator.identity());
    }

    /** As the others, with the client seeing the repository through {@code seenByClient} (a measuring wrapper). */
    AppInstance(TestDatabase postgres, FakeGemPix2Backend fake, URI callbackBaseUrl, String name,
                Duration lease, PollingPolicy polling, TaskListener listener,
                UnaryOperator<TaskRepository> seenByClient) {
        pool = Databases.pool(postgres, 4);
        repository = JdbcTaskRepository.builder(pool).instanceId(name).leaseDuration(lease).build();
        transport = HttpClient5Transport.builder().baseUrl(fake.baseUrl()).apiKey(fake.apiKey()).build();
        GemPix2Client.Builder builder = GemPix2Client.builder().generator(transport)
                .repository(seenByClient.apply(repository))
                .pollingPolicy(polling).listener(listener);
        if (callbackBaseUrl != null) {
            builder.callbackBaseUrl(callbackBaseUrl);
        }
        client = builder.build();
    }

    @Override
    public void close() {
        client.close();
        repository.close();
        transport.close();
        pool.close();
    }
}
