package dev.gempix2.core.internal;

import dev.gempix2.core.CallbackReceiver;
import dev.gempix2.core.GemPix2Observer;
import dev.gempix2.core.GemPix2Observer.AttemptEnded;
import dev.gempix2.core.GemPix2Observer.AttemptObservation;
import dev.gempix2.core.GemPix2Observer.AttemptStarted;
import dev.gempix2.core.GemPix2Observer.CallbackHandled;
import dev.gempix2.core.GemPix2Observer.Operation;
import dev.gempix2.core.GemPix2Observer.RetryScheduled;
import dev.gempix2.core.GemPix2Observer.TaskEnded;
import dev.gempix2.core.GemPix2Observer.TaskObservation;
import dev.gempix2.core.GemPix2Observer.TaskOutcome;
import dev.gempix2.core.GemPix2Observer.TaskStarted;
import dev.gempix2.core.TaskListener;
import dev.gempix2.core.error.ApiException;
import dev.gempix2.core.error.GemPix2Exception;
import dev.gempix2.core.error.TaskFailedException;
import dev.gempix2.core.error.TaskTimeoutException;
import dev.gempix2.core.model.Model;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskRecord;
import dev.gempix2.core.port.Clock;
import dev.gempix2.core.port.ImageGenerator;
import dev.gempix2.core.wire.AsyncFailures;
import dev.gempix2.core.wire.WireFormat;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The client's {@link GemPix2Observer}s and the one place that calls them. With none registered every method
 * returns at once and hands back what it was given, so an unobserved client allocates nothing more. An
 * observer that throws is logged and disturbs nothing.
 */
public final class Observers {
    private static final Logger LOG = System.getLogger("dev.gempix2");

    private final GemPix2Observer[] observers;
    private final Clock clock;
    private final Optional<URI> baseUrl;
    private final Map<TaskId, ObservedTask> byTaskId = new ConcurrentHashMap<>();
    private final ThreadLocal<ObservedTask> submitting = new ThreadLocal<>();

    /**
     * @param observers the observers, in the order they were registered
     * @param clock measures the tasks' durations
     * @param generator the transport, asked for its base URL when anybody observes
     */
    public Observers(List<GemPix2Observer> observers, Clock clock, ImageGenerator generator) {
        this.observers = observers.toArray(new GemPix2Observer[0]);
        this.clock = clock;
        Optional<URI> base = Optional.empty();
        if (this.observers.length > 0 && generator != null) {
            try {
                base = generator.baseUrl();
            } catch (RuntimeException broken) {
                LOG.log(Level.DEBUG, "The GemPix2 transport did not tell its base URL", broken);
            }
        }
        this.baseUrl = base == null ? Optional.empty() : base;
    }

    /** @return true when nobody observes */
    public boolean isEmpty() {
        return observers.length == 0;
    }

    GemPix2Observer[] all() {
        return observers;
    }

    /**
     * Starts observing a {@code generate}, on the caller's thread.
     *
     * @param model the model asked for
     * @return the task's observation, or null when nobody observes
     */
    public Object startGenerate(Model model) {
        return isEmpty() ? null : start(new TaskStarted(Optional.of(model), Optional.empty(), true), clock.now());
    }

    /**
     * Runs a submit so that its attempts belong to the observed generate.
     *
     * @param task what {@link #startGenerate} returned
     * @param submit starts the submit
     * @param <T> the submit's result
     * @return what the submit returned
     */
    public <T> T submittingFor(Object task, Supplier<T> submit) {
        if (task == null) {
            return submit.get();
        }
        ObservedTask previous = submitting.get();
        submitting.set((ObservedTask) task);
        try {
            return submit.get();
        } finally {
            if (previous == null) {
                submitting.remove();
            } else {
                submitting.set(previous);
            }
        }
    }

    /**
     * The submit answered: later queries of this id belong to the observed generate.
     *
     * @param task what {@link #startGenerate} returned
     * @param id the provider's id
     */
    public void learnTaskId(Object task, TaskId id) {
        if (task != null) {
            ObservedTask observed = (ObservedTask) task;
            observed.taskId = id;
            byTaskId.put(id, observed);
        }
    }

    /**
     * Ends the observation when the call's future completes, before the caller sees it complete (so that what an
     * observer records is there when {@code generate} returns).
     *
     * @param task what {@link #startGenerate} returned
     * @param result the call's future
     * @return {@code result} itself when nobody observes; else a future completed like it once the observers
     *         know, whose cancellation cancels {@code result}
     */
    public CompletableFuture<Task> endedBeforeCompleting(Object task, CompletableFuture<Task> result) {
        if (task == null) {
            return result;
        }
        CompletableFuture<Task> seen = new CompletableFuture<>();
        result.whenComplete((value, error) -> {
            end((ObservedTask) task, value, error);
            if (error != null) {
                seen.completeExceptionally(error);
            } else {
                seen.complete(value);
            }
        });
        seen.whenComplete((value, error) -> {
            if (seen.isCancelled()) {
                result.cancel(false);
            }
        });
        return seen;
    }

    /**
     * Observes a wait for a task by its id, unless it is observed already (a generate of this client).
     *
     * @param id the task
     * @param record its record, when the client has one
     * @param wait starts the wait
     * @return the wait's future
     */
    public CompletableFuture<Task> observeWait(TaskId id, Optional<TaskRecord> record,
                                               Supplier<CompletableFuture<Task>> wait) {
        if (isEmpty() || byTaskId.containsKey(id)) {
            return wait.get();
        }
        Optional<Model> model = record.flatMap(TaskRecord::request).map(request -> request.model());
        Instant startedAt = record.filter(r -> r.request().isPresent()).map(TaskRecord::createdAt)
                .orElseGet(clock::now);
        ObservedTask task = start(new TaskStarted(model, Optional.of(id), false), startedAt);
        byTaskId.put(id, task);
        return endedBeforeCompleting(task, wait.get());
    }

    /**
     * @param operation which call
     * @param id the task a query concerns, else null
     * @param download the image URL a download fetches, else null
     * @param attempt starts one attempt
     * @param <T> the call's result
     * @return {@code attempt} itself when nobody observes, else one that reports each attempt
     */
    public <T> Supplier<CompletableFuture<T>> attempts(Operation operation, TaskId id, URI download,
                                                       Supplier<CompletableFuture<T>> attempt) {
        if (isEmpty()) {
            return attempt;
        }
        ObservedTask task = id != null ? byTaskId.get(id) : operation == Operation.SUBMIT ? submitting.get() : null;
        Optional<URI> url = switch (operation) {
            case SUBMIT -> baseUrl.map(WireFormat::submitUri);
            case QUERY -> baseUrl.map(base -> WireFormat.queryUri(base, id));
            case DOWNLOAD -> withoutQuery(download);
        };
        return new ObservedAttempts<>(this, operation, operation == Operation.SUBMIT ? "POST" : "GET", url, task,
                attempt);
    }

    private static Optional<URI> withoutQuery(URI url) {
        try {
            return Optional.of(new URI(url.getScheme(), null, url.getHost(), url.getPort(), url.getPath(), null,
                    null));
        } catch (URISyntaxException | RuntimeException unusual) {
            return Optional.empty();
        }
    }

    /**
     * @param kind which call
     * @param retry 1 for the first retry
     * @param failure what the last attempt failed with
     * @param delay the wait before the retry
     */
    public void retryScheduled(CallKind kind, int retry, GemPix2Exception failure, Duration delay) {
        if (isEmpty()) {
            return;
        }
        String reason = failure instanceof ApiException api && api.httpStatus() > 0
                ? String.valueOf(api.httpStatus()) : "io";
        RetryScheduled event = new RetryScheduled(Operation.valueOf(kind.name()), retry, reason, delay);
        each(observer -> observer.retryScheduled(event));
    }

    /**
     * @param listeners the user's listeners
     * @return them, plus one that tells the observers of status changes when anybody observes
     */
    public List<TaskListener> withStatusListener(List<TaskListener> listeners) {
        if (isEmpty()) {
            return listeners;
        }
        List<TaskListener> all = new ArrayList<>(listeners);
        all.add((record, snapshot) -> statusChanged(snapshot));
        return all;
    }

    /**
     * @param receiver the client's receiver
     * @return it, or one that tells the observers what became of each callback when anybody observes
     */
    public CallbackReceiver observe(CallbackReceiver receiver) {
        return isEmpty() ? receiver : new ObservedCallbacks(receiver, this);
    }

    void callbackHandled(CallbackHandled event) {
        ObservedTask task = event.taskId().map(byTaskId::get).orElse(null);
        if (task != null && (event.verdict() == GemPix2Observer.CallbackVerdict.ACCEPTED
                || event.verdict() == GemPix2Observer.CallbackVerdict.DUPLICATE)) {
            task.callbacks.incrementAndGet();
        }
        for (int i = 0; i < observers.length; i++) {
            TaskObservation observation = task == null ? TaskObservation.NONE : task.observations[i];
            int index = i;
            safely(() -> observers[index].callbackHandled(event, observation));
        }
    }

    AttemptObservation attemptStarted(int index, AttemptStarted event, ObservedTask task) {
        try {
            AttemptObservation observation = observers[index].attemptStarted(event,
                    task == null ? TaskObservation.NONE : task.observations[index]);
            return observation == null ? AttemptObservation.NONE : observation;
        } catch (RuntimeException thrown) {
            logThrown(thrown);
            return AttemptObservation.NONE;
        }
    }

    void attemptEnded(AttemptEnded event, AttemptObservation[] observations) {
        for (int i = 0; i < observers.length; i++) {
            int index = i;
            safely(() -> observers[index].attemptEnded(event, observations[index]));
        }
    }

    static Map<String, String> headersOf(AttemptObservation observation) {
        try {
            Map<String, String> headers = observation.headers();
            if (headers == null || headers.keySet().stream().anyMatch("Authorization"::equalsIgnoreCase)) {
                return Map.of();
            }
            return headers;
        } catch (RuntimeException thrown) {
            logThrown(thrown);
            return Map.of();
        }
    }

    private void statusChanged(Task snapshot) {
        ObservedTask task = byTaskId.get(snapshot.id());
        if (task == null) {
            return;
        }
        task.lastSnapshot = snapshot;
        for (int i = 0; i < observers.length; i++) {
            int index = i;
            safely(() -> observers[index].statusChanged(snapshot, task.observations[index]));
        }
    }

    private ObservedTask start(TaskStarted event, Instant startedAt) {
        TaskObservation[] observations = new TaskObservation[observers.length];
        for (int i = 0; i < observers.length; i++) {
            try {
                TaskObservation observation = observers[i].taskStarted(event);
                observations[i] = observation == null ? TaskObservation.NONE : observation;
            } catch (RuntimeException thrown) {
                logThrown(thrown);
                observations[i] = TaskObservation.NONE;
            }
        }
        return new ObservedTask(observations, event.model(), event.taskId(), startedAt);
    }

    private void end(ObservedTask task, Task value, Throwable error) {
        if (!task.end()) {
            return;
        }
        if (task.taskId != null) {
            byTaskId.remove(task.taskId, task);
        }
        TaskOutcome outcome;
        Optional<Task> last;
        Throwable cause = AsyncFailures.unwrap(error);
        if (cause == null) {
            outcome = TaskOutcome.SUCCESS;
            last = Optional.ofNullable(value);
        } else if (cause instanceof TaskFailedException failed) {
            outcome = TaskOutcome.FAILED;
            last = Optional.of(failed.task());
        } else if (cause instanceof TaskTimeoutException timedOut) {
            outcome = TaskOutcome.TIMED_OUT;
            last = timedOut.lastSnapshot().or(() -> Optional.ofNullable(task.lastSnapshot));
        } else {
            outcome = TaskOutcome.ABANDONED; // cancelled, closed, submit failed, or an error polling cannot pass
            last = Optional.ofNullable(task.lastSnapshot);
        }
        Duration duration = Duration.between(task.startedAt, clock.now());
        TaskEnded event = new TaskEnded(outcome, Optional.ofNullable(task.taskId).or(() -> last.map(Task::id)),
                task.model, duration.isNegative() ? Duration.ZERO : duration, task.polls.get(),
                task.callbacks.get(), task.retries.get(),
                last.filter(Task::isFinal).flatMap(Task::consumedCredits), last);
        for (int i = 0; i < observers.length; i++) {
            int index = i;
            safely(() -> observers[index].taskEnded(event, task.observations[index]));
        }
    }

    private void each(Consumer<GemPix2Observer> call) {
        for (GemPix2Observer observer : observers) {
            safely(() -> call.accept(observer));
        }
    }

    private static void safely(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException thrown) {
            logThrown(thrown);
        }
    }

    private static void logThrown(RuntimeException thrown) {
        LOG.log(Level.WARNING, "A GemPix2Observer threw; the call goes on undisturbed", thrown);
    }
}
