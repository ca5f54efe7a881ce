package dev.gempix2.core.internal;

import dev.gempix2.core.GemPix2Observer;

import dev.gempix2.core.RetryPolicy;
import dev.gempix2.core.error.GemPix2Exception;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskRecord;
import dev.gempix2.core.port.ImageGenerator;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * The bookkeeping of a submit: the record saved before sending (with a fresh callback token when callbacks are
 * on), the request sent with the retries a submit allows, and the answer recorded: the task id, or the record
 * abandoned when the failure certainly created no task, or left "in doubt" when it may have. The answer is
 * recorded even when the client closes meanwhile (within the {@link CloseGrace}), since the provider created
 * and billed that task.
 */
public final class Submissions {
    private static final Logger LOG = System.getLogger("dev.gempix2");

    private final ImageGenerator generator;
    private final DeferredSaves deferredSaves;
    private final Observers observers;
    private final RetryingCaller caller;
    private final TaskRecords records;
    private final URI callbackBaseUrl;
    private final CallbackTokens tokens = new CallbackTokens();
    private final CloseGrace grace;
    private final EarlyCallbacks early;
    private final Executor executor;
    private final Supplier<GemPix2Exception> closed;

    /**
     * @param generator the transport
     * @param caller runs the submit with its retries and deadline
     * @param records the records
     * @param callbackBaseUrl the webhook base URL, or null when callbacks are off
     * @param grace where unsettled submits are counted for the close
     * @param early where callbacks that beat the submit answer are held
     * @param executor where answers are recorded (off the transport's thread)
     * @param closed the failure for a call that cannot finish because the client closed
     * @param deferredSaves retries the save of a task id the store could not take at once
     * @param observers told of each attempt
     */
    public Submissions(ImageGenerator generator, RetryingCaller caller, TaskRecords records, URI callbackBaseUrl,
                       CloseGrace grace, EarlyCallbacks early, Executor executor,
                       Supplier<GemPix2Exception> closed, DeferredSaves deferredSaves, Observers observers) {
        this.deferredSaves = deferredSaves;
        this.observers = observers;
        this.generator = generator;
        this.caller = caller;
        this.records = records;
        this.callbackBaseUrl = callbackBaseUrl;
        this.grace = grace;
        this.early = early;
        this.executor = executor;
        this.closed = closed;
    }

    /**
     * @param request what to generate
     * @param retries the retries for this submit
     * @param timeout its overall deadline
     * @param headers extra headers for the request
     * @param result completed with the task id, or failed
     */
    public void submit(ImageRequest request, RetryPolicy retries, Duration timeout, Map<String, String> headers,
                       CompletableFuture<TaskId> result) {
        TaskRecord record;
        ImageRequest sent;
        try {
            String token = callbackBaseUrl == null ? null : tokens.next();
            sent = token == null ? request : request.withCallbackUrl(CallbackTokens.callbackUrl(callbackBaseUrl, token));
            // Saved before sending, so that a callback beating the submit response finds its task.
            record = records.create(sent, token);
        } catch (RuntimeException failed) {
            result.completeExceptionally(failed instanceof GemPix2Exception known ? known
                    : new GemPix2Exception("The GemPix2 task repository could not save the task: " + failed, failed));
            return;
        }
        LOG.log(Level.DEBUG, "Submitting a GemPix2 task: model {0}, prompt of {1} characters, {2} reference "
                        + "image(s), callbacks {3}", sent.model(), sent.prompt().length(),
                sent.referenceImages().size(), callbackBaseUrl == null ? "off" : "on");
        Runnable settledForClose = grace.begin();
        early.submitting(record.recordId());
        caller.call(CallKind.SUBMIT, "a new task", observers.attempts(GemPix2Observer.Operation.SUBMIT, null, null,
                        () -> headers.isEmpty() ? generator.submit(sent) : generator.submit(sent, headers)),
                        retries, timeout)
                .whenComplete((id, error) -> recordOffTheTransportThread(() -> {
                    try {
                        settle(record, id, error, result);
                    } finally {
                        settledForClose.run();
                    }
                }, result));
    }

    private void settle(TaskRecord record, TaskId id, Throwable error, CompletableFuture<TaskId> result) {
        if (error != null) {
            GemPix2Exception failure = Failures.unwrap(error);
            boolean noTask = CallKind.submitCertainlyCreatedNoTask(failure);
            settleFailedSubmit(record, failure, noTask);
            early.settled(record.recordId(), new EarlyCallbacks.Settlement(null, noTask));
            result.completeExceptionally(failure);
            return;
        }
        try {
            records.learnTaskId(record, id);
        } catch (RuntimeException broken) {
            deferredSaves.retry(id, broken, () -> records.learnTaskId(record, id));
        }
        LOG.log(Level.DEBUG, "GemPix2 accepted task {0}", id);
        early.settled(record.recordId(), new EarlyCallbacks.Settlement(id, false));
        result.complete(id);
    }

    private void settleFailedSubmit(TaskRecord record, GemPix2Exception failure, boolean certainlyNoTask) {
        if (!certainlyNoTask) {
            // The task may exist: the record stays unfinished ("in doubt") so that a callback can adopt it.
            LOG.log(Level.WARNING, "A GemPix2 submit failed in a way that may have created a task ({0}); its record "
                    + "{1} stays unfinished so that a callback can still claim it", Failures.describe(failure),
                    record.recordId());
            return;
        }
        try {
            records.abandon(record, Failures.describe(failure));
        } catch (RuntimeException broken) {
            LOG.log(Level.WARNING, "The GemPix2 task repository failed to mark record " + record.recordId()
                    + " as abandoned", broken);
        }
    }

    /**
     * Records on the executor; once it refuses (the client closed), on this thread: a task the provider created
     * must not lose its id because the client is going away.
     */
    private void recordOffTheTransportThread(Runnable action, CompletableFuture<TaskId> result) {
        try {
            executor.execute(action);
        } catch (RejectedExecutionException closing) {
            result.completeExceptionally(closed.get());
            action.run();
        }
    }
}
