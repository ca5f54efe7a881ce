package dev.gempix2.testkit.contract;

import dev.gempix2.core.model.ApiKey;
import dev.gempix2.core.port.ImageGenerator;
import java.net.URI;
import java.time.Duration;

class JdkHttpTransportContractTest extends ImageGeneratorContract {

    @Override
    protected ImageGenerator create(URI baseUrl, ApiKey key, Duration responseTimeout) {
        return new JdkHttpTransport(baseUrl, key, responseTimeout);
    }
}
