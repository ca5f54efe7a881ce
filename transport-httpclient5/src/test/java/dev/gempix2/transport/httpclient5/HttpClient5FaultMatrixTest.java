package dev.gempix2.transport.httpclient5;

import dev.gempix2.core.model.ApiKey;
import dev.gempix2.core.port.ImageGenerator;
import dev.gempix2.testkit.contract.FaultMatrixContract;
import java.net.URI;
import java.time.Duration;

/** The fault matrix on the HttpClient 5 transport. */
class HttpClient5FaultMatrixTest extends FaultMatrixContract {

    @Override
    protected ImageGenerator create(URI baseUrl, ApiKey key, Duration responseTimeout) {
        return HttpClient5Transport.builder().baseUrl(baseUrl).apiKey(key).responseTimeout(responseTimeout).build();
    }

    @Override
    protected String transportName() {
        return "httpclient5";
    }
}
