package dev.gempix2.micronaut;

import dev.gempix2.core.HttpSettings;
import dev.gempix2.core.model.ApiKey;
import dev.gempix2.core.port.ImageGenerator;
import dev.gempix2.testkit.contract.ImageGeneratorContract;
import java.net.URI;
import java.time.Duration;

/** The shared transport contract, run against the generator bean of a real application context. */
class MicronautTransportContractTest extends ImageGeneratorContract {
    @Override
    protected ImageGenerator create(URI baseUrl, ApiKey key, Duration responseTimeout) {
        return new ContextTransport(baseUrl, key, responseTimeout);
    }

    @Override
    protected ImageGenerator createWith(URI baseUrl, ApiKey key, HttpSettings http) {
        return new ContextTransport(baseUrl, key, http);
    }
}
