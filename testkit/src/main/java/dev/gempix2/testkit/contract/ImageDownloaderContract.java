package dev.gempix2.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gempix2.core.HttpSettings;
import dev.gempix2.core.error.ApiException;
import dev.gempix2.core.error.ResponseTooLargeException;
import dev.gempix2.core.error.ServerException;
import dev.gempix2.core.error.TransportException;
import dev.gempix2.core.port.ImageDownloader;
import dev.gempix2.testkit.FakeGemPix2Backend;
import dev.gempix2.testkit.FakeResponse;
import dev.gempix2.testkit.RecordedRequest;
import dev.gempix2.testkit.TestProxy;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The behaviour every {@link ImageDownloader} must have, against files the {@link FakeGemPix2Backend} serves:
 * the bytes as served, the size cap, HTTP errors mapped like the generator's, at most 3 redirects and only to
 * http(s), and the response timeout honoured for the headers and for a body that stops coming. A downloader's test only says how to build itself:
 *
 * <pre>{@code
 * class HttpClient5DownloaderContractTest extends ImageDownloaderContract {
 *     @Override
 *     protected ImageDownloader createDownloader(Duration responseTimeout) {
 *         return HttpClient5Transport.builder().baseUrl(URI.create("http://unused")).apiKey(ApiKey.of("dk-x"))
 *                 .responseTimeout(responseTimeout).build();
 *     }
 * }
 * }</pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
public abstract class ImageDownloaderContract {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private static final Duration SHORT_TIMEOUT = Duration.ofMillis(300);

    private FakeGemPix2Backend fake;
    private ImageDownloader downloader;
    private final CountDownLatch slowAnswers = new CountDownLatch(1);

    /**
     * Builds the downloader under test: once for the class with a generous timeout, and once more for each
     * timeout test; the suite closes what it builds.
     *
     * @param responseTimeout how long to wait for an answer, headers and body, before failing with a
     *                        {@code TransportException}
     * @return the downloader under test; closed by the suite if it is {@link AutoCloseable}
     */
    protected abstract ImageDownloader createDownloader(Duration responseTimeout);

    /**
     * Builds the downloader under test with the given network settings, for the proxy case; the suite closes
     * what it builds. A downloader that takes {@link HttpSettings} overrides this; by default that case is
     * skipped, saying why.
     *
     * @param http the network settings to apply
     * @return the downloader under test
     */
    protected ImageDownloader createDownloaderWith(HttpSettings http) {
        return Assumptions.abort(getClass().getSimpleName() + " does not build itself with HttpSettings: override "
                + "createDownloaderWith(HttpSettings) to run the proxy case");
    }

    @BeforeAll
    final void startFakeBackend() {
        fake = FakeGemPix2Backend.start();
        downloader = createDownloader(Duration.ofSeconds(10));
    }

    @BeforeEach
    final void serveTestFiles() {
        fake.reset();
        fake.respondWith(this::serve);
    }

    @AfterAll
    final void stopFakeBackend() throws Exception {
        slowAnswers.countDown();
        close(downloader);
        if (fake != null) {
            fake.close();
        }
    }

    private static void close(ImageDownloader downloader) throws Exception {
        if (downloader instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    // /image/<n> serves n bytes of a PNG-looking file; /hop/<n> redirects n times before landing on /image/64.
    private FakeResponse serve(RecordedRequest request) {
        String[] parts = request.path().split("/");
        if (parts.length == 3 && parts[1].equals("image")) {
            return FakeResponse.of(200, "image/png", image(Integer.parseInt(parts[2])));
        }
        if (parts.length == 3 && parts[1].equals("chunked")) {
            return FakeResponse.of(200, "image/png", image(Integer.parseInt(parts[2]))).chunked();
        }
        if (request.path().equals("/endless")) {
            // Twice this JVM's largest heap: a downloader that held the body whole would run out of memory.
            return FakeResponse.of(200, "image/png", image(64 * 1024))
                    .repeatedTo(2 * Runtime.getRuntime().maxMemory()).chunked();
        }
        if (parts.length == 3 && parts[1].equals("hop")) {
            int left = Integer.parseInt(parts[2]);
            return FakeResponse.redirect(fake.baseUrl() + (left <= 1 ? "/image/64" : "/hop/" + (left - 1)));
        }
        if (request.path().equals("/elsewhere")) {
            return FakeResponse.redirect("file:///etc/passwd");
        }
        if (request.path().equals("/no-answer")) {
            awaitQuietly(slowAnswers);
            return FakeResponse.dropConnection();
        }
        if (request.path().equals("/stalled-body")) {
            return FakeResponse.of(200, "image/png", image(100_000)).stallingAfter(1000);
        }
        if (request.path().equals("/broken")) {
            return FakeResponse.json(503, "{\"code\":1,\"message\":\"service unavailable\"}");
        }
        return null;
    }

    // Holds a server thread until the suite ends; the fake drops the connection then.
    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] image(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 7);
        System.arraycopy(PNG_SIGNATURE, 0, bytes, 0, Math.min(size, PNG_SIGNATURE.length));
        return bytes;
    }

    private URI url(String path) {
        return URI.create(fake.baseUrl() + path);
    }

    @Test
    void downloadsTheBytesAsServed() {
        assertArrayEquals(image(5000), Outcomes.value(downloader.download(url("/image/5000"), 10_000)));
    }

    @Test
    void aBodyOfExactlyTheLimitIsAccepted() {
        assertEquals(4096, Outcomes.value(downloader.download(url("/image/4096"), 4096)).length);
    }

    @Test
    void aBodyLargerThanTheLimitFailsWithResponseTooLarge() {
        ResponseTooLargeException error = Outcomes.failure(downloader.download(url("/image/200000"), 1000),
                ResponseTooLargeException.class);
        assertEquals(1000, error.limit());
    }

    @Test
    void aChunkedBodyWithoutContentLengthIsReadWhole() {
        assertArrayEquals(image(50_000), Outcomes.value(downloader.download(url("/chunked/50000"), 50_000)));
    }

    @Test
    void aChunkedBodyLargerThanTheHeapFailsAtTheCapWhileStreaming() {
        ResponseTooLargeException error = Outcomes.failure(downloader.download(url("/endless"), 1_000_000),
                ResponseTooLargeException.class);
        assertEquals(1_000_000, error.limit());
    }

    @Test
    void aMissingFileIsAnApiErrorWithStatus404() {
        ApiException error = Outcomes.failure(downloader.download(url("/files/ta-none/1.png"), 10_000),
                ApiException.class);
        assertEquals(404, error.httpStatus());
    }

    @Test
    void aServerErrorIsServerException() {
        assertEquals(503, Outcomes.failure(downloader.download(url("/broken"), 10_000), ServerException.class)
                .httpStatus());
    }

    @Test
    void upToThreeRedirectsAreFollowed() {
        assertEquals(64, Outcomes.value(downloader.download(url("/hop/3"), 10_000)).length);
    }

    @Test
    void aFourthRedirectFailsWithTransportException() {
        Outcomes.failure(downloader.download(url("/hop/4"), 10_000), TransportException.class);
    }

    @Test
    void aRedirectToAnotherSchemeFailsWithTransportException() {
        Outcomes.failure(downloader.download(url("/elsewhere"), 10_000), TransportException.class);
    }

    @Test
    void aDownloadAnsweredTooSlowlyFailsWithTransportExceptionAtTheResponseTimeout() throws Exception {
        ImageDownloader impatient = createDownloader(SHORT_TIMEOUT);
        try {
            long start = System.nanoTime();
            Outcomes.failure(impatient.download(url("/no-answer"), 10_000), TransportException.class);
            assertFasterThan(start, Duration.ofSeconds(5));
        } finally {
            close(impatient);
        }
    }

    @Test
    void aDownloadWhoseBodyStallsFailsWithTransportExceptionAtTheResponseTimeout() throws Exception {
        ImageDownloader impatient = createDownloader(SHORT_TIMEOUT);
        try {
            long start = System.nanoTime();
            TransportException failure = Outcomes.failure(impatient.download(url("/stalled-body"), 1_000_000),
                    TransportException.class);
            assertFasterThan(start, Duration.ofSeconds(5));
            assertTrue(failure.requestMayHaveReachedServer(), "the server answered, so the request reached it");
        } finally {
            close(impatient);
        }
    }

    @Test
    void aDownloadGoesThroughTheProxyWithItsCredentials() throws Exception {
        try (TestProxy proxy = TestProxy.requiringCredentials("svc-images", "pr0xy-s3cret")) {
            ImageDownloader proxied = createDownloaderWith(HttpSettings.builder().proxy(proxy.settings()).build());
            try {
                assertArrayEquals(image(5000), Outcomes.value(proxied.download(url("/image/5000"), 10_000)));
                String target = fake.baseUrl().getHost() + ":" + fake.baseUrl().getPort();
                assertTrue(proxy.passages().stream().anyMatch(p -> p.authorized() && p.target().equals(target)),
                        "the proxy carried the download to " + target + ": " + proxy.passages());
            } finally {
                close(proxied);
            }
        }
    }

    private static void assertFasterThan(long startNanos, Duration limit) {
        Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
        assertTrue(took.compareTo(limit) < 0, "the timeout was not honoured: the download took " + took);
    }
}
