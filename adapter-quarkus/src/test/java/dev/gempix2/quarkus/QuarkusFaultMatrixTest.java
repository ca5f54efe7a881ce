package dev.gempix2.quarkus;

import dev.gempix2.core.model.ApiKey;
import dev.gempix2.core.port.ImageGenerator;
import dev.gempix2.quarkus.internal.RestClientImageGenerator;
import dev.gempix2.quarkus.internal.StandaloneRestClients;
import dev.gempix2.testkit.contract.FaultMatrixContract;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Duration;

/** The fault matrix on the Quarkus REST Client transport. */
@QuarkusTest
class QuarkusFaultMatrixTest extends FaultMatrixContract {

    @Override
    protected ImageGenerator create(URI baseUrl, ApiKey key, Duration responseTimeout) {
        return new RestClientImageGenerator(StandaloneRestClients.build(baseUrl, responseTimeout), key, true);
    }

    @Override
    protected String transportName() {
        return "quarkus";
    }
}
