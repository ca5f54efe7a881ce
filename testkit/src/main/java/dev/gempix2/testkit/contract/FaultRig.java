package dev.gempix2.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import dev.gempix2.core.GemPix2Client;
import dev.gempix2.core.defaults.InMemoryTaskRepository;
import dev.gempix2.core.error.GemPix2Exception;
import dev.gempix2.core.model.ApiKey;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.port.ImageDownloader;
import dev.gempix2.core.port.ImageGenerator;
import dev.gempix2.core.wire.AsyncFailures;
import dev.gempix2.testkit.FakeGemPix2Backend;
import dev.gempix2.testkit.HostileServer;
import dev.gempix2.testkit.ManualClock;
import dev.gempix2.testkit.VirtualTime;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * What one row of the fault matrix runs with: the fake (reset), its {@link ManualClock}, the transport under
 * test, a {@link VirtualTime} driver, and helpers to build clients, a webhook relay, hostile servers and extra
 * transports, all closed when the row ends.
 */
public final class FaultRig implements AutoCloseable {
    private final FakeGemPix2Backend fake;
    private final ManualClock clock;
    private final ImageGenerator generator;
    private final ImageDownloader downloader;
    private final TransportFactory factory;
    private final VirtualTime time;
    private final Consumer<String> seen;
    private final List<AutoCloseable> opened = new ArrayList<>();
    private InMemoryTaskRepository repository;
    private CallbackRelay relay;

    /** Builds a transport of the kind under test. */
    @FunctionalInterface
    interface TransportFactory {
        ImageGenerator create(URI baseUrl, ApiKey key, Duration responseTimeout);
    }

    FaultRig(FakeGemPix2Backend fake, ManualClock clock, ImageGenerator generator, ImageDownloader downloader,
             TransportFactory factory, Consumer<String> seen) {
        this.fake = fake;
        this.clock = clock;
        this.generator = generator;
        this.downloader = downloader;
        this.factory = factory;
        this.seen = seen;
        this.time = new VirtualTime(clock);
    }

    /** @return the fake, reset for this row */
    public FakeGemPix2Backend fake() {
        return fake;
    }

    /** @return the fake's (and the virtual-time client's) clock */
    public ManualClock clock() {
        return clock;
    }

    /** @return the repository of the latest client built by {@link #client} */
    public InMemoryTaskRepository repository() {
        return repository;
    }

    /** @return the webhook relay of the latest client built with callbacks */
    CallbackRelay relay() {
        return relay;
    }

    /**
     * @param tweak changes to the builder (policies, callbacks...)
     * @return a client over the transport under test, on virtual time, with its own in-memory repository
     */
    public GemPix2Client client(Consumer<GemPix2Client.Builder> tweak) {
        return clientOver(generator, tweak);
    }

    /**
     * @param transport another transport (to a hostile server, a closed port)
     * @param tweak changes to the builder
     * @return a client over it, on virtual time
     */
    public GemPix2Client clientOver(ImageGenerator transport, Consumer<GemPix2Client.Builder> tweak) {
        repository = new InMemoryTaskRepository();
        GemPix2Client.Builder builder = GemPix2Client.builder().generator(time.track(transport)).clock(clock)
                .repository(repository).callbackExecutor(Runnable::run);
        tweak.accept(builder);
        GemPix2Client client = builder.build();
        opened.add(client);
        return client;
    }

    /**
     * @param transport a transport
     * @return a client over it on real time (the default {@code SystemClock}), for rows with a hostile server
     */
    public GemPix2Client realTimeClient(ImageGenerator transport) {
        repository = new InMemoryTaskRepository();
        GemPix2Client client = GemPix2Client.builder().generator(transport).repository(repository).build();
        opened.add(client);
        return client;
    }

    /** @return the downloader of the kind under test, shared by the rows */
    public ImageDownloader downloader() {
        if (downloader == null) {
            throw new AssertionError("the suite gave no downloader for this transport (override downloader(...))");
        }
        return downloader;
    }

    /** @return the transport under test, shared by the rows */
    public ImageGenerator generator() {
        return generator;
    }

    /** @return a client whose tasks get callbacks through a {@link CallbackRelay} on loopback */
    public GemPix2Client clientWithCallbacks() {
        relay = new CallbackRelay();
        opened.add(relay);
        GemPix2Client client = client(builder -> builder.callbackBaseUrl(relay.baseUrl()));
        relay.deliverTo(client.callbacks());
        return client;
    }

    /**
     * @param behaviour what the server does
     * @return a started hostile server, closed with the row
     */
    public HostileServer hostile(HostileServer.Behaviour behaviour) {
        HostileServer server = HostileServer.start(behaviour);
        opened.add(server);
        return server;
    }

    /**
     * @param baseUrl where it sends
     * @param responseTimeout its response timeout
     * @return a new transport of the kind under test, closed with the row
     */
    public ImageGenerator transport(URI baseUrl, Duration responseTimeout) {
        ImageGenerator transport = factory.create(baseUrl, fake.apiKey(), responseTimeout);
        opened.add(transport::close);
        return transport;
    }

    /**
     * Moves virtual time until the future is done.
     *
     * @param future a client's future
     * @param <T> its value
     * @return its value
     * @throws Exception its failure, unwrapped
     */
    public <T> T run(CompletableFuture<T> future) throws Exception {
        try {
            return time.runUntilDone(future).join();
        } catch (CompletionException failed) {
            throw unwrap(failed);
        }
    }

    /**
     * @param prompt the prompt
     * @param client the client
     * @return the successful task
     * @throws Exception the failure
     */
    public Task generate(GemPix2Client client, String prompt) throws Exception {
        return run(client.generateAsync(ImageRequest.of(prompt)));
    }

    /**
     * @param expected the exception class
     * @param future a client's future, driven on virtual time
     * @param <E> the exception
     * @return the exception it failed with
     */
    public <E extends Throwable> E failsWith(Class<E> expected, CompletableFuture<?> future) {
        try {
            Object value = run(future);
            return fail("expected " + expected.getSimpleName() + ", got " + value);
        } catch (Exception failure) {
            seen.accept(failure + " " + failure.getMessage());
            return assertInstanceOf(expected, failure, () -> "expected " + expected.getSimpleName() + ", got "
                    + failure);
        }
    }

    /**
     * For a future on real time (a hostile server's row): waits at most {@code within}, which is not a
     * timing assertion but a hang check.
     *
     * @param future the future
     * @param within how long before it counts as a hang
     * @return the exception it failed with
     */
    public Throwable failsWithin(CompletableFuture<?> future, Duration within) {
        try {
            Object value = future.get(within.toMillis(), TimeUnit.MILLISECONDS);
            return fail("expected a failure, got " + value);
        } catch (TimeoutException hung) {
            future.cancel(true);
            return fail("still not done after " + within + ": the call hangs");
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            seen.accept(cause + " " + cause.getMessage());
            return assertInstanceOf(GemPix2Exception.class, cause, () -> "expected a GemPix2Exception, got " + cause);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }

    private static Exception unwrap(Throwable failure) {
        Throwable cause = AsyncFailures.unwrap(failure);
        return cause instanceof Exception exception ? exception : new RuntimeException(cause);
    }

    @Override
    public void close() {
        // toString() of everything that holds the key or a token is scanned like a log line.
        seen.accept("toString " + generator);
        for (AutoCloseable resource : opened) {
            seen.accept("toString " + resource);
        }
        if (repository != null) {
            repository.findUnfinished().forEach(record -> seen.accept("toString " + record));
        }
        for (int i = opened.size() - 1; i >= 0; i--) {
            try {
                opened.get(i).close();
            } catch (Exception ignored) {
                // A row's leftovers must not fail the next row.
            }
        }
    }
}
