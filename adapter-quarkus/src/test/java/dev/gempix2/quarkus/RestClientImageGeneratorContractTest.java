package dev.gempix2.quarkus;

import dev.gempix2.core.HttpSettings;
import dev.gempix2.core.model.ApiKey;
import dev.gempix2.core.port.ImageGenerator;
import dev.gempix2.quarkus.internal.RestClientImageGenerator;
import dev.gempix2.quarkus.internal.StandaloneRestClients;
import dev.gempix2.testkit.contract.ImageGeneratorContract;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Duration;

/** The Quarkus REST Client transport behaves as every other transport does. */
@QuarkusTest
class RestClientImageGeneratorContractTest extends ImageGeneratorContract {

    @Override
    protected ImageGenerator create(URI baseUrl, ApiKey key, Duration responseTimeout) {
        return new RestClientImageGenerator(StandaloneRestClients.build(baseUrl, responseTimeout), key, true);
    }

    @Override
    protected ImageGenerator createWith(URI baseUrl, ApiKey key, HttpSettings http) {
        return new RestClientImageGenerator(StandaloneRestClients.build(baseUrl, http), key, true, baseUrl, http);
    }
}
