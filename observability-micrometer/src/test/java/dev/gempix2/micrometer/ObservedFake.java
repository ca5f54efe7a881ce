package dev.gempix2.micrometer;

import dev.gempix2.core.GemPix2Client;
import dev.gempix2.core.GemPix2Observer;
import dev.gempix2.core.PollingPolicy;
import dev.gempix2.core.RetryPolicy;
import dev.gempix2.core.defaults.InMemoryTaskRepository;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.testkit.FakeGemPix2Backend;
import dev.gempix2.transport.httpclient5.HttpClient5Transport;
import java.net.URI;
import java.time.Duration;

/** The fake backend with a canary key, and a client over HttpClient 5 with quick polls and retries (real time). */
final class ObservedFake implements AutoCloseable {
    static final String CANARY_KEY = "dk-canary0observability0key0123456789";

    final FakeGemPix2Backend fake = FakeGemPix2Backend.builder().apiKey(CANARY_KEY).stageDuration(Duration.ZERO)
            .start();
    final InMemoryTaskRepository repository = new InMemoryTaskRepository();
    final GemPix2Client client;

    ObservedFake(GemPix2Observer... observers) {
        GemPix2Client.Builder builder = GemPix2Client.builder()
                .generator(HttpClient5Transport.builder().baseUrl(fake.baseUrl()).apiKey(fake.apiKey()).build())
                .repository(repository)
                // Callbacks on (tokens exist) but sent nowhere: tests hand them to the receiver themselves.
                .callbackBaseUrl(URI.create("http://127.0.0.1:9/gempix2/callback"))
                .pollingPolicy(PollingPolicy.builder().initialDelay(Duration.ofMillis(10))
                        .maxInterval(Duration.ofMillis(20)).callbackSafetyInterval(Duration.ofMillis(20))
                        .waitTimeout(Duration.ofSeconds(20)).build())
                .retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofMillis(5)).maxBackoff(Duration.ofMillis(10))
                        .maxRetryAfter(Duration.ofMillis(10)).build());
        for (GemPix2Observer observer : observers) {
            builder.observer(observer);
        }
        client = builder.build();
        fake.onEveryTask().noCallback();
    }

    String tokenOf(TaskId id) {
        return repository.findByTaskId(id).orElseThrow().callbackToken().orElseThrow();
    }

    @Override
    public void close() {
        client.close();
        fake.close();
    }
}
