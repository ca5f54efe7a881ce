package dev.gempix2.benchmarks.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gempix2.core.GemPix2Client;
import dev.gempix2.core.model.ApiKey;
import dev.gempix2.core.model.TaskId;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The Quarkus contender of the report's transport section, run by {@code QuarkusContender} in a JVM of its own
 * as a started Quarkus application: the {@link GemPix2Client} bean of {@code gempix2-quarkus} (over the Quarkus
 * REST Client) and the hand-written HttpClient 5 floor ({@link RawHttpFloor}) query one task of the fake named
 * by {@code gempix2.base-url} / {@code gempix2.api-key}, alternating ({@link Alternation}). Prints one line,
 * {@code figures=} and a JSON object of each contender's calls per second per round; everything else goes to
 * standard error.
 */
@QuarkusMain
public class QuarkusContenderMain implements QuarkusApplication {
    /** The line prefix the parent looks for. */
    static final String PREFIX = "figures=";

    @Inject
    GemPix2Client client;

    /**
     * @param args the task id, warm-up (ms), rounds, round time (ms) and callers
     * @return 0 when the figures were printed, 2 on a bad argument
     * @throws Exception when a call fails
     */
    @Override
    public int run(String... args) throws Exception {
        if (args.length != 5) {
            System.err.println("QuarkusContenderMain: expected <task id> <warm-up ms> <rounds> <round ms> <callers>");
            return 2;
        }
        TaskId task = TaskId.of(args[0]);
        Duration warmUp = Duration.ofMillis(Long.parseLong(args[1]));
        int rounds = Integer.parseInt(args[2]);
        Duration roundTime = Duration.ofMillis(Long.parseLong(args[3]));
        int callers = Integer.parseInt(args[4]);
        URI baseUrl = URI.create(ConfigProvider.getConfig().getValue("gempix2.base-url", String.class));
        ApiKey key = ApiKey.of(ConfigProvider.getConfig().getValue("gempix2.api-key", String.class));
        CloseableHttpAsyncClient shared = RawHttpFloor.sharedClient(20);
        try {
            RawHttpFloor floor = new RawHttpFloor(shared, baseUrl, key);
            Map<String, double[]> perSecond = new Alternation()
                    .add("floor", time -> Loops.blocking(callers, time, () -> floor.query(task).get()))
                    .add("quarkus", time -> Loops.blocking(callers, time, () -> client.task(task)))
                    .run(warmUp, rounds, roundTime);
            Map<String, Object> figures = new LinkedHashMap<>(perSecond);
            figures.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
            System.out.println(PREFIX + new ObjectMapper().writeValueAsString(figures));
            System.out.flush();
            return 0;
        } finally {
            RawHttpFloor.closeClient(shared);
        }
    }
}
