package dev.gempix2.transport.httpclient5;

import dev.gempix2.core.HttpSettings;
import dev.gempix2.core.model.ApiKey;
import dev.gempix2.core.port.ImageGenerator;
import dev.gempix2.testkit.contract.ImageGeneratorContract;
import java.net.URI;
import java.time.Duration;

/** The shared generator contract, against the fake backend. */
class HttpClient5TransportContractTest extends ImageGeneratorContract {

    @Override
    protected ImageGenerator create(URI baseUrl, ApiKey key, Duration responseTimeout) {
        return HttpClient5Transport.builder().baseUrl(baseUrl).apiKey(key).responseTimeout(responseTimeout).build();
    }

    @Override
    protected ImageGenerator createWith(URI baseUrl, ApiKey key, HttpSettings http) {
        return HttpClient5Transport.builder().baseUrl(baseUrl).apiKey(key).http(http).build();
    }
}
