package dev.gempix2.benchmarks.report;

import dev.gempix2.core.GemPix2Client;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.testkit.FakeGemPix2Backend;
import dev.gempix2.transport.httpclient5.HttpClient5Transport;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;

/**
 * The same {@code client.task(id)} over each transport, against the hand-written floor, alternating on one
 * fake: HttpClient 5, and Micronaut's HTTP client in a started {@link ApplicationContext} (the client bean an
 * application injects).
 */
final class TransportSection {
    private static final int CALLERS = 4;

    private TransportSection() {
    }

    static Section run(ReportSettings settings) throws Exception {
        List<Figure> figures = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        try (FakeGemPix2Backend fake = FakeGemPix2Backend.builder().stageDuration(Duration.ZERO).start()) {
            CloseableHttpAsyncClient shared = RawHttpFloor.sharedClient(20);
            try (HttpClient5Transport transport = HttpClient5Transport.builder().baseUrl(fake.baseUrl())
                         .apiKey(fake.apiKey()).httpClient(shared).build();
                 GemPix2Client httpClient5 = GemPix2Client.builder().generator(transport).build();
                 ApplicationContext micronaut = ApplicationContext.run(Map.of(
                         "gempix2.api-key", fake.apiKey().reveal(),
                         "gempix2.base-url", fake.baseUrl().toString()))) {
                GemPix2Client overMicronaut = micronaut.getBean(GemPix2Client.class);
                RawHttpFloor floor = new RawHttpFloor(shared, fake.baseUrl(), fake.apiKey());
                TaskId task = httpClient5.submit(ImageRequest.of("a task queried over every transport"));
                FutureTask<Map<String, double[]>> quarkus = new FutureTask<>(
                        () -> QuarkusContender.run(fake.baseUrl(), fake.apiKey(), task, settings, CALLERS));
                if (settings.smoke()) {
                    // No figure of a smoke run means anything: the child JVM boots meanwhile, to save seconds.
                    new Thread(quarkus, "bench-quarkus-contender").start();
                }
                Map<String, double[]> perSecond = new Alternation()
                        .add("floor", time -> Loops.blocking(CALLERS, time, () -> floor.query(task).get()))
                        .add("httpclient5", time -> Loops.blocking(CALLERS, time, () -> httpClient5.task(task)))
                        .add("micronaut", time -> Loops.blocking(CALLERS, time, () -> overMicronaut.task(task)))
                        .run(settings.warmUp(), settings.rounds(), settings.roundTime());
                for (String name : List.of("httpclient5", "micronaut")) {
                    figures.add(figure(name, perSecond.get("floor"), perSecond.get(name), ""));
                }
                if (!settings.smoke()) {
                    quarkus.run();
                }
                Map<String, double[]> child;
                try {
                    child = quarkus.get();
                } catch (ExecutionException failed) {
                    throw failed.getCause() instanceof Exception cause ? cause : failed;
                }
                figures.add(figure("quarkus", child.get("floor"), child.get("quarkus"), ", in its own JVM"));
            } finally {
                RawHttpFloor.closeClient(shared);
            }
        }
        notes.add("Micronaut's outlier, profiled: JFR (`settings=profile`) over 25 s of `client.task(id)` from 4 "
                + "callers on each transport, written while preparing this report, found the same CPU per call: "
                + "64 calls per execution sample over Micronaut, 67 over HttpClient 5. Micronaut's client and Netty "
                + "were in 35% of the samples (HttpClient 5 in 32%, plus 11% in its transport), the Micronaut "
                + "adapter in 4% and core in 6%. Its ratio therefore comes from where the time is spent waiting, not "
                + "from work: each answer completes on a Netty event loop and reaches the caller through one more "
                + "thread hand-off, which a machine loaded well past its cores makes expensive and noisy (see the "
                + "min/max). Nothing in the adapter stood out to fix.");
        notes.add("Quarkus: `StandaloneRestClients` and `RestClientImageGenerator` do not work outside a started "
                + "Quarkus application (`QuarkusRestClientBuilder` needs the proxy classes that Quarkus's build "
                + "generates for `GemPix2RestApi`), so the contender is a minimal Quarkus application "
                + "(`QuarkusContenderMain`, a `@QuarkusMain` of the `benchmarks-quarkus` module) run as "
                + "`java -jar benchmarks-quarkus/target/quarkus-app/quarkus-run.jar` with the fake's URL and key in "
                + "its environment (`GEMPIX2_BASE_URL`, `GEMPIX2_API_KEY`), calling the injected `GemPix2Client` "
                + "bean as an application does. It prints its rounds as one JSON line; its ratio is to the floor "
                + "measured in that JVM, so it compares like the others. Like Micronaut's, its answer completes on "
                + "a Vert.x event loop and reaches the caller through core's callback executor.");
        return new Section("Transports",
                "The same `client.task(id)` of one finished task, " + CALLERS + " callers blocking back to back, over "
                        + "`HttpClient5Transport` (sharing the floor's pool) and over the Micronaut transport: the "
                        + "`GemPix2Client` bean of an `ApplicationContext.run(...)` configured only with "
                        + "`gempix2.api-key` and `gempix2.base-url` (Micronaut's default HTTP client settings). "
                        + "The floor is the hand-written HttpClient 5 + Jackson call of the per-call section. The "
                        + "three alternate: " + settings.describeRounds() + ". The Quarkus REST Client cannot share "
                        + "this JVM's class path with Micronaut, and its typed proxy is generated by Quarkus's build, "
                        + "so it runs in a JVM of its own started by the report: a Quarkus application "
                        + "(`benchmarks-quarkus`, `@QuarkusMain`, built by `quarkus-maven-plugin`) whose "
                        + "`GemPix2Client` bean of `gempix2-quarkus` (`RestClientImageGenerator`, Quarkus's default "
                        + "REST Client settings) queries the same fake, alternating with its own copy of the same "
                        + "floor in that JVM, with the same callers and rounds, after the three above; its "
                        + "ratio is to that floor. Being a fresh JVM, it warms up for at least "
                        + QuarkusContender.CHILD_WARM_UP.toSeconds() + " s: with the same 4 s as the others its "
                        + "rounds were still speeding up as the JIT compiled the REST Client's path, and it showed "
                        + "2.75x (report of 2026-11-29 04:34, load 2.3), where a run of the contender alone with 15 s "
                        + "of warm-up had flat rounds at 1.36-1.52x.",
                figures, notes, List.of("transports.png"));
    }

    private static Figure figure(String name, double[] floor, double[] contender, String where) {
        Samples ratios = Alternation.costRatios(floor, contender);
        return new Figure("transport_ratio_" + name,
                String.format("%s (%,.0f calls/s; floor %,.0f calls/s%s)", title(name),
                        Samples.of(contender).median(), Samples.of(floor).median(), where),
                "×", ratios, ratios.median(), null, null).target("≤ 1.5", ratio -> ratio <= 1.5);
    }

    private static String title(String name) {
        return switch (name) {
            case "micronaut" -> "Micronaut HTTP client";
            case "quarkus" -> "Quarkus REST Client";
            default -> "HttpClient 5";
        };
    }
}
