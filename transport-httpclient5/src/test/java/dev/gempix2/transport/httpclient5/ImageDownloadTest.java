package dev.gempix2.transport.httpclient5;

import static dev.gempix2.transport.httpclient5.Outcomes.failureOf;
import static dev.gempix2.transport.httpclient5.Outcomes.valueOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gempix2.core.error.ApiException;
import dev.gempix2.core.error.InvalidRequestException;
import dev.gempix2.core.error.ServerException;
import dev.gempix2.core.error.TransportException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ImageDownloadTest {
    private static final String KEY = "dk-test-key-0123456789abcdef";
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1, 2, 3, 4};

    private StubHttpServer server;
    private HttpClient5Transport transport;

    @BeforeEach
    void start() throws Exception {
        server = new StubHttpServer();
        transport = HttpClient5Transport.builder().baseUrl(server.baseUrl()).apiKey(KEY)
                .responseTimeout(Duration.ofSeconds(2)).build();
    }

    @AfterEach
    void stop() {
        transport.close();
        server.close();
    }

    private URI url(String path) {
        return URI.create(server.baseUrl() + path);
    }

    @Test
    void downloadReturnsTheImageBytes() throws Exception {
        server.on("/a.png", exchange -> StubHttpServer.reply(exchange, 200, "image/png", PNG));

        assertThat(valueOf(transport.download(url("/a.png"), 1024))).isEqualTo(PNG);
    }

    @Test
    void bodyDeclaredLargerThanTheCapFailsWithAClearTransportException() throws Exception {
        server.on("/big.png", exchange -> StubHttpServer.reply(exchange, 200, "image/png", new byte[10_000]));

        Throwable failure = failureOf(transport.download(url("/big.png"), 1_000));

        assertThat(failure).isInstanceOf(TransportException.class)
                .hasMessageContaining("/big.png").hasMessageContaining("limit of 1000 bytes");
    }

    @Test
    void endlessBodyIsAbortedAsSoonAsItPassesTheCap() throws Exception {
        CountDownLatch clientHungUp = new CountDownLatch(1);
        server.on("/endless.png", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "image/png");
            exchange.sendResponseHeaders(200, 0); // chunked: no length to check up front
            byte[] chunk = new byte[16 * 1024];
            try (OutputStream out = exchange.getResponseBody()) {
                while (true) {
                    out.write(chunk);
                    out.flush();
                }
            } catch (IOException hungUp) {
                clientHungUp.countDown();
            }
        });

        Throwable failure = failureOf(transport.download(url("/endless.png"), 100_000));

        assertThat(failure).isInstanceOf(TransportException.class).hasMessageContaining("limit of 100000 bytes");
        assertThat(clientHungUp.await(10, TimeUnit.SECONDS)).as("the client dropped the connection").isTrue();
    }

    @Test
    void transportCapBoundsALargerLimitAskedByTheCaller() throws Exception {
        server.on("/a.png", exchange -> StubHttpServer.reply(exchange, 200, "image/png", new byte[5_000]));
        try (HttpClient5Transport small = HttpClient5Transport.builder().baseUrl(server.baseUrl()).apiKey(KEY)
                .maxDownloadBytes(4_000).build()) {
            assertThat(failureOf(small.download(url("/a.png"), 1_000_000))).isInstanceOf(TransportException.class)
                    .hasMessageContaining("limit of 4000 bytes");
        }
    }

    @Test
    void followsThreeRedirectsIncludingRelativeOnes() throws Exception {
        server.json("/r1", 302, "", "Location", url("/r2").toString());
        server.json("/r2", 301, "", "Location", "/r3");
        server.json("/r3", 307, "", "Location", "final.png");
        server.on("/final.png", exchange -> StubHttpServer.reply(exchange, 200, "image/png", PNG));

        assertThat(valueOf(transport.download(url("/r1"), 1024))).isEqualTo(PNG);
    }

    @Test
    void aFourthRedirectFails() throws Exception {
        server.json("/r1", 302, "", "Location", "/r2");
        server.json("/r2", 302, "", "Location", "/r3");
        server.json("/r3", 302, "", "Location", "/r4");
        server.json("/r4", 302, "", "Location", "/final.png");
        server.on("/final.png", exchange -> StubHttpServer.reply(exchange, 200, "image/png", PNG));

        assertThat(failureOf(transport.download(url("/r1"), 1024))).isInstanceOf(TransportException.class)
                .hasMessageContaining("more than 3 redirects");
    }

    @Test
    void redirectAwayFromHttpIsRefused() throws Exception {
        server.json("/r1", 302, "", "Location", "file:///etc/passwd");

        assertThat(failureOf(transport.download(url("/r1"), 1024))).isInstanceOf(TransportException.class)
                .hasMessageContaining("file: URL").hasMessageContaining("only http(s)");
    }

    @Test
    void apiKeyGoesToTheApisOriginButNotToAnotherHost() throws Exception {
        server.on("/a.png", exchange -> StubHttpServer.reply(exchange, 200, "image/png", PNG));

        valueOf(transport.download(url("/a.png"), 1024));
        valueOf(transport.download(URI.create("http://localhost:" + server.port() + "/a.png"), 1024));

        assertThat(server.takeRequest().header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(server.takeRequest().header("Authorization")).isNull();
    }

    @Test
    void httpErrorsMapLikeTheApis() throws Exception {
        server.answer("/gone.png", 503, "text/html", "<h1>unavailable</h1>", "Retry-After", "3");
        server.answer("/secret.png", 403, "text/plain", "forbidden");

        Throwable unavailable = failureOf(transport.download(url("/gone.png"), 1024));
        Throwable forbidden = failureOf(transport.download(url("/secret.png"), 1024));

        assertThat(unavailable).isInstanceOf(ServerException.class);
        assertThat(((ServerException) unavailable).retryAfter()).contains(Duration.ofSeconds(3));
        assertThat(forbidden).isExactlyInstanceOf(ApiException.class);
        assertThat(((ApiException) forbidden).httpStatus()).isEqualTo(403);
    }

    @Test
    void serverThatStallsMidBodyTimesOut() throws Exception {
        server.on("/stall.png", exchange -> {
            exchange.sendResponseHeaders(200, 1_000);
            OutputStream out = exchange.getResponseBody();
            out.write(Arrays.copyOf(PNG, 10));
            out.flush();
            try {
                new CountDownLatch(1).await(20, TimeUnit.SECONDS); // never answers the rest
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        });

        try (HttpClient5Transport impatient = HttpClient5Transport.builder().baseUrl(server.baseUrl()).apiKey(KEY)
                .responseTimeout(Duration.ofMillis(300)).build()) {
            Throwable failure = failureOf(impatient.download(url("/stall.png"), 10_000));

            assertThat(failure).isInstanceOf(TransportException.class).hasMessageContaining("no answer in time");
            assertThat(((TransportException) failure).requestMayHaveReachedServer()).isTrue();
        }
    }

    @Test
    void urlThatIsNotHttpFailsTheFutureNamingIt() throws Exception {
        assertThat(failureOf(transport.download(URI.create("ftp://example.com/a.png"), 1024)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("url");
    }

    @Test
    void errorMessageHidesTheQueryStringOfSignedUrls() throws Exception {
        server.on("/big.png", exchange -> StubHttpServer.reply(exchange, 200, "image/png", new byte[2_000]));

        Throwable failure = failureOf(transport.download(url("/big.png?signature=s3cr3t"), 1_000));

        assertThat(failure.getMessage()).contains("/big.png").doesNotContain("s3cr3t");
    }
}
