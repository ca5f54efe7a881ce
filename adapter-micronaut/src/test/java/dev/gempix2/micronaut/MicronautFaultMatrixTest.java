package dev.gempix2.micronaut;

import dev.gempix2.core.model.ApiKey;
import dev.gempix2.core.port.ImageGenerator;
import dev.gempix2.testkit.contract.FaultMatrixContract;
import java.net.URI;
import java.time.Duration;

/** The fault matrix on the Micronaut transport, as an application context builds it. */
class MicronautFaultMatrixTest extends FaultMatrixContract {

    @Override
    protected ImageGenerator create(URI baseUrl, ApiKey key, Duration responseTimeout) {
        return new ContextTransport(baseUrl, key, responseTimeout);
    }

    @Override
    protected String transportName() {
        return "micronaut";
    }
}
