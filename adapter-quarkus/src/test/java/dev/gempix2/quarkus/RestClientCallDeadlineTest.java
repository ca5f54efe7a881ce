package dev.gempix2.quarkus;

import dev.gempix2.core.model.ApiKey;
import dev.gempix2.core.port.ImageGenerator;
import dev.gempix2.quarkus.internal.GemPix2RestApi;
import dev.gempix2.quarkus.internal.RestClientImageGenerator;
import dev.gempix2.testkit.contract.CallDeadlineContract;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.jboss.resteasy.reactive.client.api.QuarkusRestClientProperties;

/**
 * Defect 2 of the reliability issue, "no overall deadline on a call", on the Quarkus REST Client: a call past its
 * deadline fails at the deadline while the server keeps the answer open (the client's read timeout is 30 s here),
 * and the cancelled exchange frees its connection, so that calls past their deadline on a silent server cannot
 * exhaust a pool of {@value CallDeadlineContract#POOL} connections; per-request headers reach the wire.
 */
@QuarkusTest
class RestClientCallDeadlineTest extends CallDeadlineContract {
    @Override
    protected ImageGenerator createGenerator(URI baseUrl, ApiKey apiKey, int connections) {
        GemPix2RestApi api = QuarkusRestClientBuilder.newBuilder()
                .baseUri(baseUrl)
                .connectTimeout(30, TimeUnit.SECONDS)
                .readTimeout(30, TimeUnit.SECONDS)
                .followRedirects(false)
                .property(QuarkusRestClientProperties.CONNECTION_POOL_SIZE, connections)
                .build(GemPix2RestApi.class);
        return new RestClientImageGenerator(api, apiKey, true);
    }
}
