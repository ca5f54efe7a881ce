package dev.gempix2.benchmarks.report;

import dev.gempix2.core.GemPix2Client;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.micrometer.GemPix2Metrics;
import dev.gempix2.testkit.FakeGemPix2Backend;
import dev.gempix2.transport.httpclient5.HttpClient5Transport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;

/**
 * What {@link GemPix2Client} costs on top of the HTTP call it makes: {@code client.task(id)} and
 * {@code client.submit(request)} over an {@link HttpClient5Transport}, against the same call written by hand
 * ({@link RawHttpFloor}) on the same connection pool, to the same fake, alternating; and what an observer
 * ({@link GemPix2Metrics}) adds, against the same client with none registered.
 */
final class PerCallSection {
    private static final int POOL = 20;

    private PerCallSection() {
    }

    static Section run(ReportSettings settings) throws Exception {
        List<Figure> figures = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        try (FakeGemPix2Backend fake = FakeGemPix2Backend.builder().stageDuration(Duration.ZERO).start()) {
            CloseableHttpAsyncClient shared = RawHttpFloor.sharedClient(POOL);
            try (HttpClient5Transport transport = HttpClient5Transport.builder().baseUrl(fake.baseUrl())
                         .apiKey(fake.apiKey()).httpClient(shared).build();
                 GemPix2Client client = GemPix2Client.builder().generator(transport).build();
                 GemPix2Client observed = GemPix2Client.builder().generator(transport)
                         .observer(GemPix2Metrics.create(new SimpleMeterRegistry())).build()) {
                RawHttpFloor floor = new RawHttpFloor(shared, fake.baseUrl(), fake.apiKey());
                TaskId task = client.submit(ImageRequest.of("a task queried over and over"));
                ImageRequest request = ImageRequest.of("a task submitted over and over");

                figures.add(compare(settings, "query_overhead_ratio_1t", "`client.task(id)`, 1 caller", 1,
                        () -> floor.query(task).get(), () -> client.task(task)));
                figures.add(compare(settings, "query_overhead_ratio_16t", "`client.task(id)`, 16 callers", 16,
                        () -> floor.query(task).get(), () -> client.task(task)));
                figures.add(compare(settings, "submit_overhead_ratio_1t", "`client.submit(request)`, 1 caller", 1,
                        () -> floor.submit(request).get(), () -> client.submit(request)));
                figures.addAll(observerCost(settings, () -> floor.query(task).get(), () -> client.task(task),
                        () -> observed.task(task)));
            } finally {
                RawHttpFloor.closeClient(shared);
            }
        }
        notes.add("Where the time goes, profiled: JFR (`settings=profile`) over 25 s of `client.task(id)` from 4 "
                + "callers over `HttpClient5Transport` found core in 8% of the execution samples and the transport in "
                + "11%, next to 32% in HttpClient 5 itself and 26% in the fake: the SDK's CPU per call is small. What "
                + "it added to the wall time were thread wake-ups, which a machine loaded past its cores makes "
                + "expensive: counted as voluntary context switches of the JVM's threads per call "
                + "(`/proc/self/task/*/status`, which the load does not change), `client.task(id)` from 1 caller "
                + "took 2.1 to 2.4 more per call than the floor. One was the call's deadline: scheduled on "
                + "`SystemClock` and cancelled at the answer, it was removed from an otherwise empty queue, so the next "
                + "call's deadline became the queue's head and woke the clock's thread. Fixed (see the end of this "
                + "report): the SDK now takes 0.3 to 0.7 more per call than the floor. What remains is the hand-off "
                + "to core's `gempix2-callback` executor, on which every future completes so that user code never "
                + "runs on an I/O thread (the floor completes on the I/O thread): a design choice of the client, "
                + "kept. Under a load average far above the cores that hand-off waits for a time slice, which is "
                + "what the wide min/max show.");
        notes.add("Observers: `no_observer_overhead_ratio_1t` is `client.task(id)` on a client with no "
                + "`GemPix2Observer` registered against the floor (the call of `query_overhead_ratio_1t`, measured "
                + "again in these rounds), and `observer_overhead_ratio_1t` is the same call on a client with "
                + "`GemPix2Metrics` over a `SimpleMeterRegistry` against the client without, the three alternating "
                + "in the same rounds. With no observer registered core checks that its array of observers is empty "
                + "and does nothing more for observation (no event built, no clock read, no header added), so what "
                + "the first ratio shows over 1.00 is the per-call cost of the note above, not the observer SPI; "
                + "the second is what the meters cost.");
        return new Section("Per-call cost",
                "One `FakeGemPix2Backend` (stages of 0 s) on loopback. The contender is the SDK call over "
                        + "`HttpClient5Transport`; the floor is the same request written by hand with HttpClient 5's "
                        + "async client (`SimpleRequestBuilder`, `SimpleHttpResponse`) and parsed with Jackson's "
                        + "`readTree`, on the very same `CloseableHttpAsyncClient` (pool of " + POOL
                        + ", 2 I/O threads), passed to the transport with `httpClient(...)`. Each caller is a thread "
                        + "calling back to back and blocking on the result. Floor and contender alternate: "
                        + settings.describeRounds() + ". The ratio is the contender's time per call over the "
                        + "floor's in the same round (1.00 = the SDK costs nothing more).",
                figures, notes, List.of("per-call.png"));
    }

    private static List<Figure> observerCost(ReportSettings settings, Loops.Call floor, Loops.Call bare,
                                             Loops.Call metered) throws Exception {
        Map<String, double[]> perSecond = new Alternation()
                .add("floor", time -> Loops.blocking(1, time, floor))
                .add("sdk", time -> Loops.blocking(1, time, bare))
                .add("sdk+metrics", time -> Loops.blocking(1, time, metered))
                .run(settings.warmUp(), settings.rounds(), settings.roundTime());
        Samples bareRatios = Alternation.costRatios(perSecond.get("floor"), perSecond.get("sdk"));
        Samples meteredRatios = Alternation.costRatios(perSecond.get("sdk"), perSecond.get("sdk+metrics"));
        return List.of(
                new Figure("no_observer_overhead_ratio_1t", String.format("`client.task(id)`, no observer, "
                        + "1 caller (floor %,.0f calls/s, SDK %,.0f calls/s)", Samples.of(perSecond.get("floor"))
                        .median(), Samples.of(perSecond.get("sdk")).median()),
                        "×", bareRatios, bareRatios.median(), null, null)
                        .target("≤ 1.10", ratio -> ratio <= 1.10),
                new Figure("observer_overhead_ratio_1t", String.format("`client.task(id)` with `GemPix2Metrics` "
                        + "vs without observers, 1 caller (without %,.0f calls/s, with %,.0f calls/s)",
                        Samples.of(perSecond.get("sdk")).median(), Samples.of(perSecond.get("sdk+metrics"))
                        .median()),
                        "×", meteredRatios, meteredRatios.median(), null, null)
                        .target("≤ 1.05", ratio -> ratio <= 1.05));
    }

    private static Figure compare(ReportSettings settings, String name, String label, int callers,
                                  Loops.Call floor, Loops.Call contender) throws Exception {
        Map<String, double[]> perSecond = new Alternation()
                .add("floor", time -> Loops.blocking(callers, time, floor))
                .add("sdk", time -> Loops.blocking(callers, time, contender))
                .run(settings.warmUp(), settings.rounds(), settings.roundTime());
        Samples ratios = Alternation.costRatios(perSecond.get("floor"), perSecond.get("sdk"));
        return new Figure(name, label + String.format(" (floor %,.0f calls/s, SDK %,.0f calls/s)",
                Samples.of(perSecond.get("floor")).median(), Samples.of(perSecond.get("sdk")).median()),
                "×", ratios, ratios.median(), null, null)
                .target("≤ 1.10", ratio -> ratio <= 1.10);
    }
}
