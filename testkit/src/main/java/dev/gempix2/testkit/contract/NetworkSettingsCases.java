package dev.gempix2.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gempix2.core.HttpSettings;
import dev.gempix2.core.ProxySettings;
import dev.gempix2.core.error.ResponseTooLargeException;
import dev.gempix2.core.error.TransportException;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.port.ImageGenerator;
import dev.gempix2.core.wire.ApiAnswerLimit;
import dev.gempix2.testkit.FakeResponse;
import dev.gempix2.testkit.Fault;
import dev.gempix2.testkit.HostileServer;
import dev.gempix2.testkit.RecordedRequest;
import dev.gempix2.testkit.TestProxy;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The contract's network settings: every transport applies {@link HttpSettings} alike (proxy with and without
 * credentials, hosts reached directly, connect and response timeouts, default headers, the {@code User-Agent}
 * suffix), and caps an API answer at {@link ApiAnswerLimit#MAX_BYTES}.
 */
abstract class NetworkSettingsCases extends GeneratorCases {
    private static final String PROXY_PASSWORD = "pr0xy-s3cret-pw";

    private ImageGenerator with(HttpSettings http) {
        return contract().createWith(fake().baseUrl(), fake().apiKey(), http);
    }

    private String fakeHostAndPort() {
        return fake().baseUrl().getHost() + ":" + fake().baseUrl().getPort();
    }

    @Test
    void requestsGoThroughTheProxy() {
        try (TestProxy proxy = TestProxy.start();
             ImageGenerator proxied = with(HttpSettings.builder().proxy(proxy.settings()).build())) {
            TaskId id = Outcomes.value(proxied.submit(ImageRequest.of("through the proxy")));
            Outcomes.value(proxied.query(id));
            assertEquals(1, fake().submitCount(), "the submit reached the API once");
            assertTrue(proxy.passages().stream().anyMatch(p -> p.target().equals(fakeHostAndPort())),
                    "the proxy carried the requests to " + fakeHostAndPort() + ": " + proxy.passages());
        }
    }

    @Test
    void aProxyThatDemandsCredentialsGetsThem() {
        try (TestProxy proxy = TestProxy.requiringCredentials("svc-images", PROXY_PASSWORD);
             ImageGenerator proxied = with(HttpSettings.builder().proxy(proxy.settings()).build())) {
            Outcomes.value(proxied.submit(ImageRequest.of("with credentials")));
            assertEquals(1, fake().submitCount(), "the submit reached the API once");
            assertTrue(proxy.passages().stream().anyMatch(p -> p.authorized() && p.target().equals(fakeHostAndPort())),
                    "the proxy let the request through with the right credentials: " + proxy.passages());
        }
    }

    @Test
    void aWrongProxyPasswordFailsNamingTheProxyButNotThePassword() {
        try (TestProxy proxy = TestProxy.requiringCredentials("svc-images", PROXY_PASSWORD)) {
            ProxySettings wrong = ProxySettings.of(proxy.address()).withCredentials("svc-images", "wrong-" + PROXY_PASSWORD);
            try (ImageGenerator proxied = with(HttpSettings.builder().proxy(wrong).build())) {
                TransportException error = Outcomes.failure(proxied.submit(ImageRequest.of("refused")),
                        TransportException.class);
                String message = String.valueOf(error.getMessage());
                assertTrue(message.contains(proxy.address().getHost() + ":" + proxy.address().getPort()),
                        "the message names the proxy: " + message);
                assertTrue(message.contains("407"), "the message says the proxy wanted credentials: " + message);
                assertFalse(message.contains(PROXY_PASSWORD), "the message never shows the password: " + message);
                assertEquals(0, fake().submitCount(), "nothing reached the API");
            }
        }
    }

    @Test
    void aNonProxyHostIsReachedDirectly() {
        try (TestProxy proxy = TestProxy.start()) {
            ProxySettings bypassed = proxy.settings().withNonProxyHosts(List.of(fake().baseUrl().getHost()));
            try (ImageGenerator direct = with(HttpSettings.builder().proxy(bypassed).build())) {
                Outcomes.value(direct.submit(ImageRequest.of("directly")));
                assertEquals(1, fake().submitCount());
                assertEquals(List.of(), proxy.passages(), "the proxy saw nothing");
            }
        }
    }

    @Test
    void defaultHeadersReachTheWireAndARequestsOwnHeaderWins() {
        HttpSettings http = HttpSettings.builder().defaultHeader("X-Gateway-Tenant", "images")
                .defaultHeader("X-Team", "from-defaults").build();
        try (ImageGenerator generator = with(http)) {
            TaskId id = Outcomes.value(generator.submit(ImageRequest.of("headers"), Map.of("X-Team", "own")));
            Outcomes.value(generator.query(id));
            List<RecordedRequest> requests = fake().requests();
            assertEquals(2, requests.size());
            for (RecordedRequest request : requests) {
                assertEquals(Optional.of("images"), request.header("X-Gateway-Tenant"), "default header on " + request);
            }
            assertEquals(Optional.of("own"), requests.get(0).header("X-Team"), "the request's own header wins");
            assertEquals(Optional.of("from-defaults"), requests.get(1).header("X-Team"), "the default otherwise");
        }
    }

    @Test
    void theUserAgentCarriesTheSuffix() {
        try (ImageGenerator generator = with(HttpSettings.builder().userAgentSuffix("contract-app/1.0").build())) {
            Outcomes.value(generator.submit(ImageRequest.of("user agent")));
            String agent = fake().takeRequest().header("User-Agent").orElse("(none)");
            assertTrue(agent.matches("gempix2-java/\\S+ \\(\\w+; Java \\S+\\) contract-app/1\\.0"),
                    "User-Agent " + agent + ", expected gempix2-java/<version> (<transport>; Java <version>) "
                            + "contract-app/1.0");
        }
    }

    @Test
    void aConnectionNeverAcceptedFailsAtTheConnectTimeout() {
        HttpSettings http = HttpSettings.builder().connectTimeout(Duration.ofMillis(300))
                .responseTimeout(Duration.ofSeconds(20)).build();
        try (FullBacklogListener listener = new FullBacklogListener();
             ImageGenerator generator = contract().createWith(listener.baseUrl(), fake().apiKey(), http)) {
            long start = System.nanoTime();
            TransportException error = Outcomes.failure(generator.submit(ImageRequest.of("never connected")),
                    TransportException.class);
            assertFasterThan(start, Duration.ofSeconds(8));
            assertFalse(error.requestMayHaveReachedServer(), "no connection, so nothing was sent: " + error);
        }
    }

    @Test
    void aSilentServerFailsAtTheResponseTimeout() {
        HttpSettings http = HttpSettings.builder().responseTimeout(SHORT_TIMEOUT).build();
        try (HostileServer silent = HostileServer.start(HostileServer.Behaviour.silent());
             ImageGenerator generator = contract().createWith(silent.baseUrl(), fake().apiKey(), http)) {
            long start = System.nanoTime();
            Outcomes.failure(generator.submit(ImageRequest.of("silence")), TransportException.class);
            assertFasterThan(start, Duration.ofSeconds(5));
        }
    }

    // Declared by its Content-Length, so that no transport needs to read 64 MiB to tell (streamed caps are
    // pinned by each transport's own tests: a chunked answer is cut while it arrives).
    @Test
    void anApiAnswerDeclaredPastTheCapFailsWithResponseTooLarge() {
        byte[] spaces = new byte[64 * 1024];
        Arrays.fill(spaces, (byte) ' ');
        fake().onEveryTask().onSubmit(Fault.response(FakeResponse.of(200, "application/json", spaces)
                .repeatedTo(ApiAnswerLimit.MAX_BYTES + 1L)));
        try (ImageGenerator generator = with(HttpSettings.defaults())) {
            ResponseTooLargeException error = Outcomes.failure(generator.submit(ImageRequest.of("huge answer")),
                    ResponseTooLargeException.class);
            assertEquals(ApiAnswerLimit.MAX_BYTES, error.limit(), "the same cap on every transport");
        }
    }
}
