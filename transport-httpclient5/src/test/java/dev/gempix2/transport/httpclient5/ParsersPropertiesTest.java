package dev.gempix2.transport.httpclient5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gempix2.core.PollingPolicy;
import dev.gempix2.core.RetryPolicy;
import dev.gempix2.core.error.InvalidRequestException;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Model;
import dev.gempix2.testkit.FakeGemPix2Backend;
import dev.gempix2.testkit.contract.FaultMatrixContract;
import dev.gempix2.testkit.contract.JsonMutations;
import dev.gempix2.testkit.contract.ResponseMappingCheck;
import dev.gempix2.testkit.contract.ReliabilityReport;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Property-based: mutated JSON into the transport's response mapping and into {@link CallbackParser} gives a
 * valid snapshot or a {@code GemPix2Exception}, nothing else; {@link ImageRequest} accepts exactly what the fake
 * (the provider's rules) accepts; the policy builders never accept a duration that overflows.
 */
class ParsersPropertiesTest {
    private static final AtomicLong CASES = new AtomicLong();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static FakeGemPix2Backend fake;
    private static HttpClient5Transport transport;

    @BeforeContainer
    static void start() {
        fake = FakeGemPix2Backend.start();
        transport = HttpClient5Transport.builder().baseUrl(fake.baseUrl()).apiKey(fake.apiKey()).build();
    }

    @AfterContainer
    static void stop() {
        transport.close();
        fake.close();
        ReliabilityReport.recordFigures("property-httpclient5", Map.of("property_cases", CASES.get()));
    }

    @Property(seed = "11", tries = 120)
    void aMutatedQueryAnswerIsASnapshotOrAGemPix2Exception(@ForAll("queryAnswers") String body) {
        CASES.incrementAndGet();
        try {
            ResponseMappingCheck.query(fake, transport, body);
        } catch (ResponseMappingCheck.OddProviderData pending) {
            Assume.that(!FaultMatrixContract.PENDING_DEFECT_FIXES.contains("odd-provider-data"));
            throw pending;
        }
    }

    @Property(seed = "11", tries = 80)
    void aMutatedSubmitAnswerIsATaskIdOrAGemPix2Exception(@ForAll("submitAnswers") String body) {
        CASES.incrementAndGet();
        try {
            ResponseMappingCheck.submit(fake, transport, body);
        } catch (ResponseMappingCheck.OddProviderData pending) {
            Assume.that(!FaultMatrixContract.PENDING_DEFECT_FIXES.contains("odd-provider-data"));
            throw pending;
        }
    }

    @Property(seed = "11", tries = 300)
    void aMutatedCallbackIsASnapshotOrAnInvalidRequestException(@ForAll("callbacks") String body) {
        CASES.incrementAndGet();
        try {
            ResponseMappingCheck.requireSane(CallbackParser.parse(body.getBytes(StandardCharsets.UTF_8)));
        } catch (InvalidRequestException rejected) {
            assertThat(rejected.getMessage()).isNotBlank();
        } catch (ResponseMappingCheck.OddProviderData | java.time.DateTimeException | ArithmeticException pending) {
            // Defect 5: the parser's contract is InvalidRequestException, whatever the provider sent.
            Assume.that(!FaultMatrixContract.PENDING_DEFECT_FIXES.contains("odd-provider-data"));
            throw pending;
        }
    }

    @Property(seed = "11", tries = 150)
    void imageRequestValidationAgreesWithTheProvidersRules(@ForAll("prompts") String prompt,
                                                          @ForAll("imageLists") List<String> images,
                                                          @ForAll("callbackUrls") String callbackUrl) throws Exception {
        CASES.incrementAndGet();
        boolean clientAccepts;
        try {
            ImageRequest.Builder builder = ImageRequest.builder().model(Model.GEMPIX2).prompt(prompt);
            for (String image : images) {
                builder.referenceImage(new URI(image));
            }
            if (callbackUrl != null) {
                builder.callbackUrl(new URI(callbackUrl));
            }
            builder.build();
            clientAccepts = true;
        } catch (InvalidRequestException rejected) {
            clientAccepts = false;
        } catch (URISyntaxException notAUri) {
            Assume.that(false); // a Java URI cannot hold it, so the client cannot be given it
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", Model.GEMPIX2.id());
        body.put("prompt", prompt);
        if (!images.isEmpty()) {
            body.put("images", images);
        }
        if (callbackUrl != null) {
            body.put("callback_url", callbackUrl);
        }
        fake.respondWith(null);
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(fake.baseUrl().resolve("/api/image/gen"))
                .header("Authorization", "Bearer " + fake.apiKey().reveal())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new com.fasterxml.jackson.databind.ObjectMapper()
                        .writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(clientAccepts).as("the client accepts %s exactly when the provider does (%s: %s)", body,
                answer.statusCode(), answer.body()).isEqualTo(answer.statusCode() == 200);
    }

    @Property(seed = "11", tries = 300)
    void policyBuildersNeverAcceptADurationThatOverflows(@ForAll("durations") Duration value) {
        CASES.incrementAndGet();
        List<String> overflowing = new ArrayList<>();
        check(overflowing, "initialDelay", () -> PollingPolicy.builder().initialDelay(value).build(), value);
        check(overflowing, "maxInterval", () -> PollingPolicy.builder().maxInterval(value).build(), value);
        check(overflowing, "callbackSafetyInterval",
                () -> PollingPolicy.builder().callbackSafetyInterval(value).build(), value);
        check(overflowing, "notFoundGrace", () -> PollingPolicy.builder().notFoundGrace(value).build(), value);
        check(overflowing, "initialBackoff", () -> RetryPolicy.builder().initialBackoff(value).build(), value);
        check(overflowing, "maxBackoff", () -> RetryPolicy.builder().maxBackoff(value).build(), value);
        check(overflowing, "maxRetryAfter", () -> RetryPolicy.builder().maxRetryAfter(value).build(), value);
        if (!overflowing.isEmpty()) {
            Assume.that(!FaultMatrixContract.PENDING_DEFECT_FIXES.contains("policy-bounds"));
        }
        assertThat(overflowing).as("settings that accepted %s, which overflows the schedule", value).isEmpty();
    }

    private static void check(List<String> overflowing, String name, Runnable build, Duration value) {
        try {
            build.run();
        } catch (IllegalArgumentException rejected) {
            assertThat(rejected.getMessage()).as("the message names the setting").containsIgnoringCase(
                    name.replaceAll("([A-Z])", " $1").split(" ")[0]);
            return;
        }
        try {
            value.toNanos();
            Instant.parse("2025-01-01T00:00:00Z").plus(value.multipliedBy(16));
        } catch (ArithmeticException | java.time.DateTimeException overflow) {
            overflowing.add(name);
        }
    }

    @Provide
    Arbitrary<String> queryAnswers() {
        return Arbitraries.randomValue(JsonMutations::queryAnswer);
    }

    @Provide
    Arbitrary<String> submitAnswers() {
        return Arbitraries.randomValue(JsonMutations::submitAnswer);
    }

    @Provide
    Arbitrary<String> callbacks() {
        return Arbitraries.randomValue(JsonMutations::callback);
    }

    @Provide
    Arbitrary<String> prompts() {
        return Arbitraries.of("", " ", "\t", "a fox", "x".repeat(2000), "émoji 🦊", "\n\n");
    }

    @Provide
    Arbitrary<List<String>> imageLists() {
        return Arbitraries.of("https://img.example/a.png", "http://img.example/b.jpg", "ftp://img.example/c.png",
                "data:image/png;base64,iVBORw0KGgo=", "data:text/plain,hello", "file:///etc/passwd", "http://",
                "HTTPS://IMG.EXAMPLE/D.PNG", "https://user:pass@img.example/e.png", "relative/path.png",
                "mailto:someone@example.com").list().ofMinSize(0).ofMaxSize(6);
    }

    @Provide
    Arbitrary<String> callbackUrls() {
        return Arbitraries.of("https://app.example/cb/t0k3n", "http://127.0.0.1:8080/cb", "ftp://app.example/cb",
                "https:///no-host", "relative/cb").injectNull(0.3);
    }

    @Provide
    Arbitrary<Duration> durations() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(0, 200_000).map(Duration::ofSeconds),
                Arbitraries.longs().between(0, Long.MAX_VALUE).map(Duration::ofSeconds),
                Arbitraries.longs().between(1, Long.MAX_VALUE).map(Duration::ofNanos),
                Arbitraries.of(Duration.ofSeconds(Long.MAX_VALUE, 999_999_999), Duration.ofDays(366),
                        Duration.ofHours(24), Duration.ofHours(25), Duration.ofMillis(Long.MAX_VALUE)));
    }
}
