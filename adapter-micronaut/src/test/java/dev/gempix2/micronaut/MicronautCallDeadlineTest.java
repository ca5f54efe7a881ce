package dev.gempix2.micronaut;

import dev.gempix2.core.model.ApiKey;
import dev.gempix2.core.port.ImageGenerator;
import dev.gempix2.testkit.contract.CallDeadlineContract;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Defect 2 of the reliability issue, "no overall deadline on a call", on Micronaut's HTTP client: a call past its
 * deadline fails at the deadline even when the server keeps the answer open (its read timeout is 30 s here), the
 * cancelled exchange frees its connection, so that calls past their deadline on a silent server cannot exhaust
 * a pool of {@value CallDeadlineContract#POOL} connections, and per-request headers reach the wire.
 */
class MicronautCallDeadlineTest extends CallDeadlineContract {
    @Override
    protected ImageGenerator createGenerator(URI baseUrl, ApiKey apiKey, int connections) {
        return new ContextTransport(baseUrl, apiKey, Duration.ofSeconds(30), Map.of(
                "micronaut.http.services.gempix2.pool.enabled", true,
                "micronaut.http.services.gempix2.pool.max-concurrent-http1-connections", connections));
    }
}
