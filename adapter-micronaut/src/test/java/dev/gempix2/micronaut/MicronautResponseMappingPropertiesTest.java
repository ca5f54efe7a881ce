package dev.gempix2.micronaut;

import dev.gempix2.testkit.FakeGemPix2Backend;
import dev.gempix2.testkit.contract.FaultMatrixContract;
import dev.gempix2.testkit.contract.JsonMutations;
import dev.gempix2.testkit.contract.ReliabilityReport;
import dev.gempix2.testkit.contract.ResponseMappingCheck;
import java.time.Duration;
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

/** Property-based: mutated JSON into the Micronaut transport gives a sane snapshot or a {@code GemPix2Exception}. */
class MicronautResponseMappingPropertiesTest {
    private static final AtomicLong CASES = new AtomicLong();
    private static FakeGemPix2Backend fake;
    private static ContextTransport transport;

    @BeforeContainer
    static void start() {
        fake = FakeGemPix2Backend.start();
        transport = new ContextTransport(fake.baseUrl(), fake.apiKey(), Duration.ofSeconds(10));
    }

    @AfterContainer
    static void stop() {
        transport.close();
        fake.close();
        ReliabilityReport.recordFigures("property-micronaut", Map.of("property_cases", CASES.get()));
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

    @Provide
    Arbitrary<String> queryAnswers() {
        return Arbitraries.randomValue(JsonMutations::queryAnswer);
    }

    @Provide
    Arbitrary<String> submitAnswers() {
        return Arbitraries.randomValue(JsonMutations::submitAnswer);
    }
}
