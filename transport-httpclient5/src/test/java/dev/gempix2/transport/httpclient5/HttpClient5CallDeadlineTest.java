package dev.gempix2.transport.httpclient5;

import dev.gempix2.core.model.ApiKey;
import dev.gempix2.core.port.ImageGenerator;
import dev.gempix2.testkit.contract.CallDeadlineContract;
import java.net.URI;

/**
 * Defect 2 of the reliability issue, "no overall deadline on a call", on HttpClient 5: four timed-out waits on a
 * dripping server exhausted a pool of four connections. A deadline now cancels the exchange and frees its
 * connection.
 */
class HttpClient5CallDeadlineTest extends CallDeadlineContract {
    @Override
    protected ImageGenerator createGenerator(URI baseUrl, ApiKey apiKey, int connections) {
        return HttpClient5Transport.builder().baseUrl(baseUrl).apiKey(apiKey).maxConnections(connections).build();
    }
}
