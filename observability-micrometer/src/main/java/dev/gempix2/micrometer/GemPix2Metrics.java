package dev.gempix2.micrometer;

import dev.gempix2.core.GemPix2Observer;
import dev.gempix2.core.model.Model;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Micrometer meters of a {@code GemPix2Client}: every HTTP attempt, retry, callback and task, with low-cardinality
 * tags only (never a task id, URL, key or token). Register it on the client's builder:
 *
 * <pre>{@code
 * GemPix2Client client = GemPix2Client.builder()
 *         .generator(transport)
 *         .observer(GemPix2Metrics.create(meterRegistry))
 *         .build();
 * }</pre>
 *
 * <table>
 *   <caption>Meters (names and tags are API)</caption>
 *   <tr><th>meter</th><th>type</th><th>tags</th></tr>
 *   <tr><td>{@code gempix2.requests}</td><td>timer, every HTTP attempt</td>
 *       <td>{@code operation} (submit, query, download), {@code outcome} (success, client_error, server_error,
 *       io_error, too_large), {@code status} (HTTP status or {@code none})</td></tr>
 *   <tr><td>{@code gempix2.retries}</td><td>counter</td><td>{@code operation}, {@code reason} (HTTP status or
 *       {@code io})</td></tr>
 *   <tr><td>{@code gempix2.tasks.duration}</td><td>timer, submit (or adoption) to the end</td><td>{@code model},
 *       {@code status} (success, failed, timed_out, abandoned)</td></tr>
 *   <tr><td>{@code gempix2.tasks.active}</td><td>gauge, tasks being awaited now</td><td>none</td></tr>
 *   <tr><td>{@code gempix2.tasks.polls}</td><td>distribution summary, queries per finished task</td>
 *       <td>{@code model}</td></tr>
 *   <tr><td>{@code gempix2.callbacks}</td><td>counter</td><td>{@code outcome} (accepted, duplicate, unknown_token,
 *       rejected)</td></tr>
 *   <tr><td>{@code gempix2.credits.consumed}</td><td>counter, credits of finished tasks</td><td>{@code model}</td></tr>
 *   <tr><td>{@code gempix2.downloads.size}</td><td>distribution summary, bytes</td><td>none</td></tr>
 * </table>
 *
 * <p>One instance may serve several clients of one registry; thread-safe.
 */
public final class GemPix2Metrics implements GemPix2Observer {
    /** The {@code model} tag of a task adopted by id, whose model nobody here knows. */
    public static final String UNKNOWN_MODEL = "unknown";

    private final MeterRegistry registry;
    private final AtomicInteger active = new AtomicInteger();

    private GemPix2Metrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("gempix2.tasks.active", active, AtomicInteger::get)
                .description("GemPix2 tasks being awaited now")
                .strongReference(true)
                .register(registry);
    }

    /**
     * @param registry where the meters go
     * @return the observer to register with {@code GemPix2Client.builder().observer(...)}
     */
    public static GemPix2Metrics create(MeterRegistry registry) {
        return new GemPix2Metrics(Objects.requireNonNull(registry, "registry"));
    }

    @Override
    public TaskObservation taskStarted(TaskStarted event) {
        active.incrementAndGet();
        return TaskObservation.NONE;
    }

    @Override
    public void attemptEnded(AttemptEnded event, AttemptObservation attempt) {
        Timer.builder("gempix2.requests")
                .description("GemPix2 HTTP attempts")
                .tag("operation", event.operation().tag())
                .tag("outcome", event.outcome().tag())
                .tag("status", event.httpStatus().isPresent() ? String.valueOf(event.httpStatus().getAsInt()) : "none")
                .register(registry)
                .record(event.duration().toNanos(), TimeUnit.NANOSECONDS);
        if (event.bytes().isPresent()) {
            DistributionSummary.builder("gempix2.downloads.size")
                    .description("Sizes of downloaded GemPix2 images")
                    .baseUnit("bytes")
                    .register(registry)
                    .record(event.bytes().getAsLong());
        }
    }

    @Override
    public void retryScheduled(RetryScheduled event) {
        Counter.builder("gempix2.retries")
                .description("GemPix2 calls retried")
                .tag("operation", event.operation().tag())
                .tag("reason", event.reason())
                .register(registry)
                .increment();
    }

    @Override
    public void callbackHandled(CallbackHandled event, TaskObservation task) {
        Counter.builder("gempix2.callbacks")
                .description("GemPix2 callbacks received")
                .tag("outcome", event.verdict().tag())
                .register(registry)
                .increment();
    }

    @Override
    public void taskEnded(TaskEnded event, TaskObservation task) {
        active.decrementAndGet();
        String model = modelTag(event.model());
        Timer.builder("gempix2.tasks.duration")
                .description("GemPix2 tasks from submit (or adoption) to their end")
                .tag("model", model)
                .tag("status", event.outcome().tag())
                .register(registry)
                .record(event.duration().toNanos(), TimeUnit.NANOSECONDS);
        DistributionSummary.builder("gempix2.tasks.polls")
                .description("Queries sent per finished GemPix2 task")
                .tag("model", model)
                .register(registry)
                .record(event.polls());
        event.consumedCredits().ifPresent(credits -> Counter.builder("gempix2.credits.consumed")
                .description("Credits consumed by finished GemPix2 tasks")
                .tag("model", model)
                .register(registry)
                .increment(credits.doubleValue()));
    }

    @Override
    public String toString() {
        return "GemPix2Metrics[" + registry.getClass().getSimpleName() + "]";
    }

    private static String modelTag(Optional<Model> model) {
        return model.map(Model::id).orElse(UNKNOWN_MODEL);
    }
}
