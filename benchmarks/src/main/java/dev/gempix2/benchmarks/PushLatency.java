package dev.gempix2.benchmarks;

import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.gempix2.core.GemPix2Client;
import dev.gempix2.core.PollingPolicy;
import dev.gempix2.core.error.InvalidRequestException;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskRecord;
import dev.gempix2.core.port.TaskRepository;
import dev.gempix2.repository.jdbc.JdbcTaskRepository;
import dev.gempix2.testkit.FakeGemPix2Backend;
import dev.gempix2.testkit.ForwardingTaskRepository;
import dev.gempix2.transport.httpclient5.CallbackParser;
import dev.gempix2.transport.httpclient5.HttpClient5Transport;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The push's latency on loopback: instance A ({@code JdbcTaskRepository} on an embedded PostgreSQL 17.5) waits
 * for {@code --tasks} generates (default 500, in waves of 10) whose callbacks all reach instance B, another
 * client with its own repository and pool on the same database. Measured per task from the moment B begins
 * saving the finished record to the moment A's future completes; prints p50, p90, p99 and the maximum, and how
 * many waits needed a query of A's own (0 when every one completed from the push).
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.gempix2.benchmarks.PushLatency --tasks 500
 * }</pre>
 */
public final class PushLatency {
    private static final int PER_WAVE = 10;
    private static final String PATH = "/gempix2/callback/";

    private PushLatency() {
    }

    /**
     * @param args {@code --tasks N} (500)
     * @throws Exception when the run fails
     */
    public static void main(String[] args) throws Exception {
        int tasks = args.length == 2 && args[0].equals("--tasks") ? Integer.parseInt(args[1]) : 500;
        PollingPolicy callbacksOnly = PollingPolicy.builder().callbackSafetyInterval(Duration.ofMinutes(10))
                .waitTimeout(Duration.ofMinutes(2)).build();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
             FakeGemPix2Backend fake = FakeGemPix2Backend.builder().stageDuration(Duration.ofMillis(100)).start();
             HikariDataSource poolA = pool(postgres, "a");
             HikariDataSource poolB = pool(postgres, "b");
             JdbcTaskRepository storeA = JdbcTaskRepository.builder(poolA).instanceId("a").build();
             JdbcTaskRepository storeB = JdbcTaskRepository.builder(poolB).instanceId("b").build();
             HttpClient5Transport transportA = transport(fake);
             HttpClient5Transport transportB = transport(fake)) {
            HttpServer webhookB = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            URI callbackUrl = URI.create("http://127.0.0.1:" + webhookB.getAddress().getPort() + "/gempix2/callback");
            SaveTiming timedB = new SaveTiming(storeB);
            try (GemPix2Client a = GemPix2Client.builder().generator(transportA).repository(storeA)
                         .pollingPolicy(callbacksOnly).callbackBaseUrl(callbackUrl).build();
                 GemPix2Client b = GemPix2Client.builder().generator(transportB).repository(timedB)
                         .pollingPolicy(callbacksOnly).callbackBaseUrl(callbackUrl).build()) {
                webhookB.createContext(PATH, exchange -> {
                    int status;
                    try {
                        status = b.callbacks().receive(exchange.getRequestURI().getPath().substring(PATH.length()),
                                CallbackParser.parse(exchange.getRequestBody().readAllBytes())).httpStatus();
                    } catch (InvalidRequestException malformed) {
                        status = 400;
                    }
                    exchange.sendResponseHeaders(status, -1);
                    exchange.close();
                });
                webhookB.start();
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (!storeA.isListening() && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                run(a, Math.min(50, tasks), timedB, fake);  // warm-up: JIT, connections
                timedB.finishedSavedAt.clear();
                System.out.println(run(a, tasks, timedB, fake));
            } finally {
                webhookB.stop(0);
            }
        }
    }

    private static String run(GemPix2Client a, int tasks, SaveTiming timedB, FakeGemPix2Backend fake) {
        Map<TaskId, Long> completedAt = new ConcurrentHashMap<>();
        List<Task> done = new ArrayList<>();
        for (int started = 0; started < tasks; started += PER_WAVE) {
            List<CompletableFuture<Task>> wave = new ArrayList<>();
            for (int i = started; i < Math.min(tasks, started + PER_WAVE); i++) {
                wave.add(a.generateAsync(ImageRequest.of("latency " + i)).whenComplete((task, failed) -> {
                    if (task != null) {
                        completedAt.put(task.id(), System.nanoTime());
                    }
                }));
            }
            CompletableFuture.allOf(wave.toArray(CompletableFuture[]::new)).join();
            wave.forEach(future -> done.add(future.join()));
        }
        List<Long> latencies = new ArrayList<>();
        int ownQueries = 0;
        for (Task task : done) {
            Long saved = timedB.finishedSavedAt.get(task.id());
            if (saved == null || fake.queriesFor(task.id()).size() > 1) {
                ownQueries++;
            } else {
                latencies.add(completedAt.get(task.id()) - saved);
            }
        }
        Collections.sort(latencies);
        return String.format("%,d tasks, B's save to A's future completing: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, "
                + "max %.1f ms; waits that needed a query of A's own: %d", done.size(), percentile(latencies, 50),
                percentile(latencies, 90), percentile(latencies, 99),
                latencies.isEmpty() ? 0 : latencies.get(latencies.size() - 1) / 1e6, ownQueries);
    }

    private static double percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1)) / 1e6;
    }

    private static HikariDataSource pool(EmbeddedPostgres postgres, String name) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(postgres.getPostgresDatabase());
        config.setMaximumPoolSize(4);
        config.setPoolName("push-latency-" + name);
        return new HikariDataSource(config);
    }

    private static HttpClient5Transport transport(FakeGemPix2Backend fake) {
        return HttpClient5Transport.builder().baseUrl(fake.baseUrl()).apiKey(fake.apiKey()).build();
    }

    /** Instance B's store, noting when the save of each finished record began. */
    private static final class SaveTiming extends ForwardingTaskRepository {
        private final Map<TaskId, Long> finishedSavedAt = new ConcurrentHashMap<>();

        SaveTiming(TaskRepository store) {
            super(store);
        }

        @Override
        public void save(TaskRecord record) {
            if (record.isFinished() && record.taskId().isPresent()) {
                finishedSavedAt.putIfAbsent(record.taskId().get(), System.nanoTime());
            }
            super.save(record);
        }
    }
}
