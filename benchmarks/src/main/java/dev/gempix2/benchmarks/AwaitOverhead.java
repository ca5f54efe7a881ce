package dev.gempix2.benchmarks;

import dev.gempix2.core.GemPix2Client;
import dev.gempix2.core.PollingPolicy;
import dev.gempix2.core.defaults.InMemoryTaskRepository;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.testkit.FakeGemPix2Backend;
import dev.gempix2.testkit.ManualClock;
import dev.gempix2.transport.httpclient5.HttpClient5Transport;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The bookkeeping of {@code awaitAsync} on a task whose final state the client already holds (no network: the
 * record's last snapshot completes the wait at once), on real and on virtual time, against the floor of a
 * plain {@link CompletableFuture} completed and chained once. Target: at most 50x the floor (a few
 * microseconds), so joining a wait is never what an application waits for.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class AwaitOverhead {
    private FakeGemPix2Backend fake;
    private HttpClient5Transport transport;
    private GemPix2Client realTimeClient;
    private GemPix2Client virtualTimeClient;
    private TaskId finished;
    private Task finalSnapshot;

    /** Generates one task to its end; both clients share the repository that remembers it. */
    @Setup
    public void finishOneTask() {
        fake = FakeGemPix2Backend.builder().stageDuration(Duration.ZERO).start();
        transport = HttpClient5Transport.builder().baseUrl(fake.baseUrl()).apiKey(fake.apiKey()).build();
        InMemoryTaskRepository repository = new InMemoryTaskRepository();
        realTimeClient = GemPix2Client.builder().generator(transport).repository(repository)
                .pollingPolicy(PollingPolicy.builder().initialDelay(Duration.ofMillis(10)).build()).build();
        finalSnapshot = realTimeClient.generate(ImageRequest.of("a task that is already finished"));
        finished = finalSnapshot.id();
        virtualTimeClient = GemPix2Client.builder().generator(transport).repository(repository)
                .clock(new ManualClock()).build();
    }

    /** Closes the clients, the transport and the fake. */
    @TearDown
    public void close() {
        virtualTimeClient.close();
        realTimeClient.close();
        transport.close();
        fake.close();
    }

    /** @return the finished task, through a wait on the system clock */
    @Benchmark
    public Task awaitFinishedTaskOnRealTime() {
        return realTimeClient.awaitAsync(finished).join();
    }

    /** @return the finished task, through a wait on a {@link ManualClock} */
    @Benchmark
    public Task awaitFinishedTaskOnVirtualTime() {
        return virtualTimeClient.awaitAsync(finished).join();
    }

    /** @return the same task through one completed, chained future (the floor) */
    @Benchmark
    public Task completableFutureChainFloor() {
        CompletableFuture<Task> source = new CompletableFuture<>();
        CompletableFuture<Task> chained = source.thenApply(Function.identity());
        source.complete(finalSnapshot);
        return chained.join();
    }
}
