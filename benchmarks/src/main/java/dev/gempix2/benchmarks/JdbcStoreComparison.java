package dev.gempix2.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.gempix2.core.GemPix2Client;
import dev.gempix2.core.PollingPolicy;
import dev.gempix2.core.defaults.InMemoryTaskRepository;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.port.TaskRepository;
import dev.gempix2.repository.jdbc.JdbcTaskRepository;
import dev.gempix2.testkit.FakeGemPix2Backend;
import dev.gempix2.transport.httpclient5.HttpClient5Transport;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The cost of a durable, shared store: the same {@code --tasks} generates (default 2,000, all at once) through
 * the client on {@code InMemoryTaskRepository} and on {@code JdbcTaskRepository} over an embedded PostgreSQL
 * (a pool of 8 connections), in one run against one fake. Prints each wall time, their ratio and the store's SQL
 * statements per task.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.gempix2.benchmarks.JdbcStoreComparison --tasks 2000
 * }</pre>
 */
public final class JdbcStoreComparison {
    private JdbcStoreComparison() {
    }

    /**
     * @param args {@code --tasks N} (2000)
     * @throws Exception when a run fails
     */
    public static void main(String[] args) throws Exception {
        System.setProperty(ScaleDriver.HTTP_SERVER_NO_DELAY, System.getProperty(ScaleDriver.HTTP_SERVER_NO_DELAY,
                "true"));
        int tasks = args.length == 2 && args[0].equals("--tasks") ? Integer.parseInt(args[1]) : 2000;
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
             FakeGemPix2Backend fake = FakeGemPix2Backend.builder().stageDuration(Duration.ofMillis(200))
                     .maxThreads(8).start()) {
            HikariConfig pool = new HikariConfig();
            pool.setDataSource(postgres.getPostgresDatabase());
            pool.setMaximumPoolSize(8);
            try (HikariDataSource dataSource = new HikariDataSource(pool);
                 JdbcTaskRepository jdbc = JdbcTaskRepository.create(dataSource)) {
                run(fake, new InMemoryTaskRepository(), Math.min(200, tasks)); // warm-up: JIT, connections
                long memoryNanos = run(fake, new InMemoryTaskRepository(), tasks);
                long before = jdbc.statementCount();
                long jdbcNanos = run(fake, jdbc, tasks);
                double statements = (jdbc.statementCount() - before) / (double) tasks;
                System.out.printf("%,d generates: InMemoryTaskRepository %,d ms, JdbcTaskRepository (PostgreSQL) "
                        + "%,d ms, ratio %.2f, %.1f SQL statements per task%n", tasks, memoryNanos / 1_000_000,
                        jdbcNanos / 1_000_000, jdbcNanos / (double) memoryNanos, statements);
            }
        } catch (IOException failed) {
            System.err.println("JdbcStoreComparison: " + failed);
            System.exit(1);
        }
    }

    private static long run(FakeGemPix2Backend fake, TaskRepository repository, int tasks) {
        PollingPolicy polling = PollingPolicy.builder().initialDelay(Duration.ofMillis(700))
                .maxInterval(Duration.ofMillis(700)).waitTimeout(Duration.ofMinutes(5)).build();
        try (HttpClient5Transport transport = HttpClient5Transport.builder().baseUrl(fake.baseUrl())
                .apiKey(fake.apiKey()).build();
             GemPix2Client client = GemPix2Client.builder().generator(transport).repository(repository)
                     .pollingPolicy(polling).build()) {
            long start = System.nanoTime();
            List<CompletableFuture<Task>> generating = new ArrayList<>(tasks);
            for (int i = 0; i < tasks; i++) {
                generating.add(client.generateAsync(ImageRequest.of("benchmark " + i)));
            }
            CompletableFuture.allOf(generating.toArray(CompletableFuture[]::new)).join();
            return System.nanoTime() - start;
        }
    }
}
