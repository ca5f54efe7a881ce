package dev.gempix2.benchmarks.report;

import dev.gempix2.core.GemPix2Client;
import dev.gempix2.core.model.ApiKey;
import dev.gempix2.core.model.GeneratedImage;
import dev.gempix2.transport.httpclient5.HttpClient5Transport;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;

/**
 * Heap allocated by {@code client.download(image)} of an 8 MiB image over {@link HttpClient5Transport},
 * against a hand-written HttpClient 5 GET of the same URL ({@code SimpleHttpResponse}) on the same pool.
 */
final class DownloadSection {
    private static final String KEY = "dk-benchmark-download-key-0000";

    private DownloadSection() {
    }

    static Section run(ReportSettings settings) throws Exception {
        byte[] image = new byte[settings.downloadBytes()];
        new Random(42).nextBytes(image);
        CloseableHttpAsyncClient shared = RawHttpFloor.sharedClient(20);
        try (FixedBodyServer server = new FixedBodyServer(image, "image/png");
             HttpClient5Transport transport = HttpClient5Transport.builder().baseUrl(server.baseUrl())
                     .apiKey(KEY).httpClient(shared).build();
             GemPix2Client client = GemPix2Client.builder().generator(transport).build()) {
            URI url = URI.create(server.baseUrl() + "/files/task/1.png");
            GeneratedImage generated = new GeneratedImage(url.toString());
            RawHttpFloor floor = new RawHttpFloor(shared, server.baseUrl(), ApiKey.of(KEY));
            AllocationMeter meter = new AllocationMeter(name -> name.startsWith(FixedBodyServer.THREAD_PREFIX)
                    || name.startsWith("HTTP-Dispatcher"));
            List<Double> sdkBytes = new ArrayList<>();
            List<Double> rawBytes = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                client.download(generated);
                floor.bytes(url).get();
            }
            for (int i = 0; i < settings.downloads(); i++) {
                sdkBytes.add(allocated(meter, () -> client.download(generated)));
                rawBytes.add(allocated(meter, () -> floor.bytes(url).get()));
            }
            Samples sdk = Samples.of(sdkBytes);
            Samples raw = Samples.of(rawBytes);
            double mib = settings.downloadBytes() / 1_048_576.0;
            return new Section("Downloads",
                    String.format("`client.download(image)` of a %.0f MiB image (random bytes, `Content-Length` "
                            + "set) from a JDK `HttpServer` on loopback, one at a time, after a warm-up; against "
                            + "the same GET written by hand with HttpClient 5 (`SimpleHttpResponse.getBodyBytes()`) "
                            + "on the same pool. Allocation is the sum of "
                            + "`com.sun.management.ThreadMXBean.getThreadAllocatedBytes` over the JVM's live "
                            + "threads except the server's, before and after each download (JMH's GC profiler "
                            + "reads the same counters); %d downloads each, alternating.", mib,
                            settings.downloads()),
                    List.of(new Figure("download_8mib_allocated_bytes", "`client.download`, bytes allocated per "
                                    + "download", "B", sdk, sdk.median() / raw.median(), null, null)
                                    .target("≤ 1.5 × 8 MiB (12,582,912)",
                                            bytes -> bytes <= 1.5 * ReportSettings.EIGHT_MIB),
                            Figure.plain(null, "hand-written HttpClient 5 GET (floor), bytes allocated per download",
                                    "B", raw)),
                    List.of("The ratio column is the SDK's allocation over the hand-written GET's."),
                    List.of("downloads.png"));
        } finally {
            RawHttpFloor.closeClient(shared);
        }
    }

    private static double allocated(AllocationMeter meter, Callable<?> download) throws Exception {
        Map<Long, Long> before = meter.reading();
        download.call();
        return meter.since(before);
    }
}
