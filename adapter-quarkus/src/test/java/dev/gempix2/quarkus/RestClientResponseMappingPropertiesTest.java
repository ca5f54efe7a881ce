package dev.gempix2.quarkus;

import dev.gempix2.core.port.ImageGenerator;
import dev.gempix2.quarkus.internal.RestClientImageGenerator;
import dev.gempix2.quarkus.internal.StandaloneRestClients;
import dev.gempix2.testkit.FakeGemPix2Backend;
import dev.gempix2.testkit.contract.FaultMatrixContract;
import dev.gempix2.testkit.contract.JsonMutations;
import dev.gempix2.testkit.contract.ReliabilityReport;
import dev.gempix2.testkit.contract.ResponseMappingCheck;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Property-based: mutated JSON into the Quarkus REST Client transport gives a sane snapshot or a
 * {@code GemPix2Exception}. The cases come from jqwik's generators, run inside a {@code @QuarkusTest} (jqwik's
 * own engine does not start Quarkus).
 */
@QuarkusTest
class RestClientResponseMappingPropertiesTest {

    @Test
    void mutatedAnswersAreASnapshotOrAGemPix2Exception() {
        List<String> queries = Arbitraries.randomValue(JsonMutations::queryAnswer).sampleStream().limit(120).toList(); // jqwik's generator
        List<String> submits = Arbitraries.randomValue(JsonMutations::submitAnswer).sampleStream().limit(80).toList();
        boolean pending = false;
        try (FakeGemPix2Backend fake = FakeGemPix2Backend.start()) {
            ImageGenerator transport = new RestClientImageGenerator(StandaloneRestClients.build(fake.baseUrl(),
                    Duration.ofSeconds(10)), fake.apiKey(), true);
            try {
                for (String body : queries) {
                    try {
                        ResponseMappingCheck.query(fake, transport, body);
                    } catch (ResponseMappingCheck.OddProviderData unbounded) {
                        if (!FaultMatrixContract.PENDING_DEFECT_FIXES.contains("odd-provider-data")) {
                            throw unbounded;
                        }
                        pending = true;
                    }
                }
                for (String body : submits) {
                    try {
                        ResponseMappingCheck.submit(fake, transport, body);
                    } catch (ResponseMappingCheck.OddProviderData odd) {
                        if (!FaultMatrixContract.PENDING_DEFECT_FIXES.contains("odd-provider-data")) {
                            throw odd;
                        }
                        pending = true;
                    }
                }
            } finally {
                transport.close();
            }
        }
        ReliabilityReport.recordFigures("property-quarkus", Map.of("property_cases",
                (long) (queries.size() + submits.size())));
        Assumptions.assumeFalse(pending, "odd provider data mishandled: pending the fix of defect 5");
    }
}
