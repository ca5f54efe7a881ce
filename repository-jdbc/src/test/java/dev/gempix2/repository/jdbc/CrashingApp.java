package dev.gempix2.repository.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.gempix2.core.GemPix2Client;
import dev.gempix2.core.model.ApiKey;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.transport.httpclient5.HttpClient5Transport;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The app that {@link CrashTest} kills: submits tasks, prints each task id once it is recorded, then waits for
 * them until it is killed. Arguments: JDBC URL, fake's base URL, callback base URL, task count, lease; the API
 * key in {@code GEMPIX2_API_KEY}.
 */
public final class CrashingApp {
    private CrashingApp() {
    }

    public static void main(String[] args) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(args[0]);
        config.setMaximumPoolSize(4);
        HikariDataSource pool = new HikariDataSource(config);
        JdbcTaskRepository repository = JdbcTaskRepository.builder(pool).instanceId("crashing")
                .leaseDuration(Duration.parse(args[4])).build();
        HttpClient5Transport transport = HttpClient5Transport.builder().baseUrl(URI.create(args[1]))
                .apiKey(ApiKey.of(System.getenv("GEMPIX2_API_KEY"))).build();
        GemPix2Client client = GemPix2Client.builder().generator(transport).repository(repository)
                .callbackBaseUrl(URI.create(args[2])).build();
        int count = Integer.parseInt(args[3]);
        java.util.List<CompletableFuture<TaskId>> submits = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            submits.add(client.submitAsync(ImageRequest.of("crash " + i)).thenApply(id -> {
                client.awaitAsync(id);
                synchronized (System.out) {
                    System.out.println("submitted " + id.value());
                }
                return id;
            }));
        }
        CompletableFuture.allOf(submits.toArray(CompletableFuture[]::new)).join();
        System.out.println("all-submitted");
        System.out.flush();
        new CompletableFuture<Void>().join(); // runs until killed
    }
}
