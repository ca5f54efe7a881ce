package dev.gempix2.transport.httpclient5;

import dev.gempix2.core.GemPix2Client;
import dev.gempix2.core.PollingPolicy;
import dev.gempix2.core.model.ApiKey;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.TaskId;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The child JVM of {@link RestartTest}: submits tasks with a {@link FileTaskRepository}, waits for all of them,
 * says {@code READY} on stdout, and blocks until it is killed.
 */
public final class RestartChild {
    private RestartChild() {
    }

    /**
     * @param args base URL, API key, repository folder, callback base URL, task count
     * @throws Exception anything: the parent sees the child end without READY
     */
    public static void main(String[] args) throws Exception {
        HttpClient5Transport transport = HttpClient5Transport.builder().baseUrl(URI.create(args[0]))
                .apiKey(ApiKey.of(args[1])).build();
        GemPix2Client client = GemPix2Client.builder().generator(transport)
                .repository(new FileTaskRepository(Path.of(args[2])))
                .callbackBaseUrl(URI.create(args[3]))
                .pollingPolicy(PollingPolicy.builder().initialDelay(Duration.ofMillis(100))
                        .maxInterval(Duration.ofMillis(500)).callbackSafetyInterval(Duration.ofMillis(500)).build())
                .build();
        int count = Integer.parseInt(args[4]);
        List<CompletableFuture<TaskId>> submits = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            submits.add(client.submitAsync(ImageRequest.of("restart-" + i)));
        }
        for (CompletableFuture<TaskId> submit : submits) {
            client.awaitAsync(submit.join());
        }
        System.out.println("READY");
        System.out.flush();
        System.in.read(); // blocks until the parent kills this JVM
    }
}
