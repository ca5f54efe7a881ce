package dev.gempix2.core;

import dev.gempix2.core.model.Model;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskStatus;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Sees what a {@link GemPix2Client} does, for metrics and traces: every HTTP attempt, every retry, every
 * callback and every followed task from its start to its end. The events come from core, so every transport
 * is observed alike. {@code gempix2-micrometer} ({@code GemPix2Metrics}) and {@code gempix2-opentelemetry}
 * ({@code GemPix2Tracing}) implement it; register any number with
 * {@link GemPix2Client.Builder#observer(GemPix2Observer)}.
 *
 * <p>Every method has a no-op default. Methods are called on whichever thread the event happens on (the
 * caller's thread for {@link #taskStarted} and a first attempt, a transport, clock or executor thread
 * otherwise), so implementations are thread-safe and return quickly. An exception they throw is logged and
 * changes no outcome. No event carries the API key or a callback token.
 *
 * <p><b>Context across the async wait.</b> {@link #taskStarted} runs on the thread that called
 * {@code generate}/{@code generateAsync} (or {@code await}); what it returns is handed back with every later
 * event of that task, whatever thread it comes on, so an observer can keep the caller's trace context in it.
 * {@link #attemptStarted} may return {@link AttemptObservation#headers()} that the transports add to that
 * request (a {@code traceparent}, for instance).
 */
public interface GemPix2Observer {

    /**
     * A followed task starts: {@code generate} was called, or a wait began for a task by its id.
     *
     * @param event what starts
     * @return what this observer wants back with the task's later events; {@link TaskObservation#NONE} by default
     */
    default TaskObservation taskStarted(TaskStarted event) {
        return TaskObservation.NONE;
    }

    /**
     * One HTTP attempt is about to be sent.
     *
     * @param event the attempt
     * @param task what {@link #taskStarted} returned for the task it serves, or {@link TaskObservation#NONE}
     * @return what this observer wants back at the attempt's end, and headers to send
     */
    default AttemptObservation attemptStarted(AttemptStarted event, TaskObservation task) {
        return AttemptObservation.NONE;
    }

    /**
     * One HTTP attempt ended.
     *
     * @param event how it ended
     * @param attempt what {@link #attemptStarted} returned for it
     */
    default void attemptEnded(AttemptEnded event, AttemptObservation attempt) {
    }

    /**
     * A failed attempt will be tried again after a delay.
     *
     * @param event why and when
     */
    default void retryScheduled(RetryScheduled event) {
    }

    /**
     * A followed task reached a new status (from a poll or a confirmed callback).
     *
     * @param snapshot the new state
     * @param task what {@link #taskStarted} returned for it
     */
    default void statusChanged(Task snapshot, TaskObservation task) {
    }

    /**
     * A callback arrived, or an endpoint rejected a malformed one.
     *
     * @param event what became of it
     * @param task what {@link #taskStarted} returned for its task, or {@link TaskObservation#NONE}
     */
    default void callbackHandled(CallbackHandled event, TaskObservation task) {
    }

    /**
     * A followed task ended: its final status, a timeout, or abandonment. Called once per {@link #taskStarted}.
     *
     * @param event how it ended, what it cost
     * @param task what {@link #taskStarted} returned for it
     */
    default void taskEnded(TaskEnded event, TaskObservation task) {
    }

    /** What an observer keeps for one task (a span, a start time); opaque to the client. */
    interface TaskObservation {
        /** Nothing kept. */
        TaskObservation NONE = new TaskObservation() {
        };
    }

    /** What an observer keeps for one HTTP attempt, and the headers it adds to the request. */
    interface AttemptObservation {
        /** Nothing kept, no header. */
        AttemptObservation NONE = new AttemptObservation() {
        };

        /** @return headers to add to the attempt's request (never {@code Authorization}); none by default */
        default Map<String, String> headers() {
            return Map.of();
        }
    }

    /** The three kinds of HTTP call. */
    enum Operation {
        /** {@code POST /api/image/gen}. */
        SUBMIT,
        /** {@code GET /api/task/query}. */
        QUERY,
        /** An image download. */
        DOWNLOAD;

        /** @return the lower-case name, as used in meter tags and span names */
        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How an HTTP attempt ended. */
    enum AttemptOutcome {
        /** A 2xx answer the client could use. */
        SUCCESS,
        /** A 4xx answer, a 200 carrying an error code, or a request refused before sending. */
        CLIENT_ERROR,
        /** A 5xx answer. */
        SERVER_ERROR,
        /** No usable answer: connection, timeout, unreadable body, cancellation. */
        IO_ERROR,
        /** A body larger than the accepted size. */
        TOO_LARGE;

        /** @return the lower-case name, as used in meter tags */
        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How a followed task ended. */
    enum TaskOutcome {
        /** The provider reported success (with an image). */
        SUCCESS,
        /** The provider reported failure (or text without an image). */
        FAILED,
        /** The wait passed its deadline. */
        TIMED_OUT,
        /** Nobody waits any more: cancelled, the client closed, the submit failed, or an error polling cannot pass. */
        ABANDONED;

        /** @return the lower-case name, as used in meter tags */
        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What became of a callback. */
    enum CallbackVerdict {
        /** A new report for a known task ({@link CallbackOutcome#ACCEPTED}). */
        ACCEPTED,
        /** A report already known ({@link CallbackOutcome#DUPLICATE}). */
        DUPLICATE,
        /** No task holds the token ({@link CallbackOutcome#UNKNOWN_TOKEN}). */
        UNKNOWN_TOKEN,
        /** Malformed: rejected before it reached the receiver. */
        REJECTED;

        /**
         * @param outcome the receiver's answer
         * @return the same verdict
         */
        public static CallbackVerdict of(CallbackOutcome outcome) {
            return valueOf(outcome.name());
        }

        /** @return the lower-case name, as used in meter tags */
        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A followed task starts.
     *
     * @param model the model asked for, when known (a task adopted by id has none)
     * @param taskId the task, when already known (an await); empty for a generate until the submit answers
     * @param generate true for {@code generate}, false for a wait on a task by its id
     */
    record TaskStarted(Optional<Model> model, Optional<TaskId> taskId, boolean generate) {
        /**
         * Requires every field.
         *
         * @param model the model asked for, when known (a task adopted by id has none)
         * @param taskId the task, when already known (an await); empty for a generate until the submit answers
         * @param generate true for {@code generate}, false for a wait on a task by its id
         */
        public TaskStarted {
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(taskId, "taskId");
        }
    }

    /**
     * An HTTP attempt about to be sent.
     *
     * @param operation submit, query or download
     * @param attempt 1 for the first attempt of a call, 2 for its first retry, ...
     * @param method the HTTP method
     * @param url the request's URL when the transport tells its base URL (a download's without its query,
     *            which may hold a signature)
     * @param taskId the task it concerns, when known
     * @param model the model, when known
     */
    record AttemptStarted(Operation operation, int attempt, String method, Optional<URI> url, Optional<TaskId> taskId,
                          Optional<Model> model) {
        /**
         * Requires every field.
         *
         * @param operation submit, query or download
         * @param attempt 1 for the first attempt of a call, 2 for its first retry, ...
         * @param method the HTTP method
         * @param url the request's URL when the transport tells its base URL (a download's without its query,
         *            which may hold a signature)
         * @param taskId the task it concerns, when known
         * @param model the model, when known
         */
        public AttemptStarted {
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(taskId, "taskId");
            Objects.requireNonNull(model, "model");
        }
    }

    /**
     * An HTTP attempt that ended.
     *
     * @param operation submit, query or download
     * @param attempt 1 for the first attempt of a call, ...
     * @param outcome how it ended
     * @param httpStatus the HTTP status, when an answer came
     * @param duration from sending to the end
     * @param bytes the body's size, for a successful download
     * @param errorType the failure's class name, on failure
     */
    record AttemptEnded(Operation operation, int attempt, AttemptOutcome outcome, OptionalInt httpStatus,
                        Duration duration, OptionalLong bytes, Optional<String> errorType) {
        /**
         * Requires every field.
         *
         * @param operation submit, query or download
         * @param attempt 1 for the first attempt of a call, ...
         * @param outcome how it ended
         * @param httpStatus the HTTP status, when an answer came
         * @param duration from sending to the end
         * @param bytes the body's size, for a successful download
         * @param errorType the failure's class name, on failure
         */
        public AttemptEnded {
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(httpStatus, "httpStatus");
            Objects.requireNonNull(duration, "duration");
            Objects.requireNonNull(bytes, "bytes");
            Objects.requireNonNull(errorType, "errorType");
        }
    }

    /**
     * A retry about to be scheduled.
     *
     * @param operation submit, query or download
     * @param retry 1 for the first retry
     * @param reason the HTTP status that caused it, or {@code io}
     * @param delay how long the client waits before it
     */
    record RetryScheduled(Operation operation, int retry, String reason, Duration delay) {
        /**
         * Requires every field.
         *
         * @param operation submit, query or download
         * @param retry 1 for the first retry
         * @param reason the HTTP status that caused it, or {@code io}
         * @param delay how long the client waits before it
         */
        public RetryScheduled {
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(delay, "delay");
        }
    }

    /**
     * A callback handled, or rejected by an endpoint.
     *
     * @param verdict what became of it
     * @param taskId the task it names, when it was readable
     * @param reportedStatus the status it reported, when it was readable
     */
    record CallbackHandled(CallbackVerdict verdict, Optional<TaskId> taskId, Optional<TaskStatus> reportedStatus) {
        /**
         * Requires every field.
         *
         * @param verdict what became of it
         * @param taskId the task it names, when it was readable
         * @param reportedStatus the status it reported, when it was readable
         */
        public CallbackHandled {
            Objects.requireNonNull(verdict, "verdict");
            Objects.requireNonNull(taskId, "taskId");
            Objects.requireNonNull(reportedStatus, "reportedStatus");
        }
    }

    /**
     * A followed task's end.
     *
     * @param outcome success, failed, timed out or abandoned
     * @param taskId the task, when the provider gave it an id
     * @param model the model, when known
     * @param duration from the submit (or the start of the wait, for a task adopted by id) to the end
     * @param polls the queries sent for it (every attempt)
     * @param callbacks the callbacks received for it
     * @param retries the retries scheduled for its calls
     * @param consumedCredits the credits its final snapshot reported
     * @param lastSnapshot the last state seen
     */
    record TaskEnded(TaskOutcome outcome, Optional<TaskId> taskId, Optional<Model> model, Duration duration,
                     int polls, int callbacks, int retries, Optional<BigDecimal> consumedCredits,
                     Optional<Task> lastSnapshot) {
        /**
         * Requires every field.
         *
         * @param outcome success, failed, timed out or abandoned
         * @param taskId the task, when the provider gave it an id
         * @param model the model, when known
         * @param duration from the submit (or the start of the wait, for a task adopted by id) to the end
         * @param polls the queries sent for it (every attempt)
         * @param callbacks the callbacks received for it
         * @param retries the retries scheduled for its calls
         * @param consumedCredits the credits its final snapshot reported
         * @param lastSnapshot the last state seen
         */
        public TaskEnded {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(taskId, "taskId");
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(duration, "duration");
            Objects.requireNonNull(consumedCredits, "consumedCredits");
            Objects.requireNonNull(lastSnapshot, "lastSnapshot");
        }
    }
}
