package dev.gempix2.testkit;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Something going wrong with one answer of the fake: an error status, a rate limit, a broken body, a dropped
 * connection, or added latency. Scripted with {@link TaskScript#onSubmit(Fault, int)} and
 * {@link TaskScript#onQuery(Fault, int)}. Immutable.
 *
 * <pre>{@code
 * fake.onPrompt("sunset").onSubmit(Fault.status(503), 2);          // two 503s, then the task is created
 * fake.onTask(id).onQuery(Fault.rateLimited(Duration.ofSeconds(3)));
 * fake.onTask(id).onQuery(Fault.latency(Duration.ofSeconds(30)));  // held until the fake's clock passes 30 s
 * fake.onNextTask().onSubmit(Fault.status(500).afterCreatingTheTask()); // the task exists (and bills), the answer is 500
 * }</pre>
 */
public final class Fault {
    private final FakeResponse response;
    private final Duration delay;
    private final boolean afterCreating;

    private Fault(FakeResponse response, Duration delay) {
        this(response, delay, false);
    }

    private Fault(FakeResponse response, Duration delay, boolean afterCreating) {
        this.response = response;
        this.delay = delay;
        this.afterCreating = afterCreating;
    }

    /**
     * An error status with a provider-style body, {@code {"code":1,"message":"<reason>"}}.
     *
     * @param httpStatus e.g. 500, 502 or 503
     * @return the fault
     */
    public static Fault status(int httpStatus) {
        return response(FakeResponse.json(httpStatus,
                "{\"code\":1,\"message\":\"" + reason(httpStatus) + "\"}"));
    }

    /**
     * HTTP 429 with a {@code Retry-After} header in seconds.
     *
     * @param retryAfter the wait to ask for (whole seconds are sent)
     * @return the fault
     */
    public static Fault rateLimited(Duration retryAfter) {
        return response(FakeResponse.json(429, "{\"code\":1,\"message\":\"too many requests\"}")
                .withHeader("Retry-After", Long.toString(Math.max(0, retryAfter.toSeconds()))));
    }

    /**
     * HTTP 200 whose body's {@code code} is not 0: an error the provider reports inside a success status.
     *
     * @param code the body's {@code code}
     * @param message the body's {@code message}
     * @return the fault
     */
    public static Fault errorCode(int code, String message) {
        return response(FakeResponse.json(200, "{\"code\":" + code + ",\"message\":\"" + escape(message) + "\"}"));
    }

    /** @return HTTP 200 with a JSON body cut off in the middle */
    public static Fault malformedJson() {
        return response(FakeResponse.json(200, "{\"code\":0,\"message\":\"ok\",\"data\":{\"task_id\":"));
    }

    /**
     * An HTML error page, as a proxy or load balancer in front of the API sends.
     *
     * @param httpStatus the status, e.g. 502 (or 200 for a captive portal)
     * @return the fault
     */
    public static Fault htmlPage(int httpStatus) {
        return response(FakeResponse.html(httpStatus, "<!DOCTYPE html>\n<html><head><title>" + httpStatus + " "
                + reason(httpStatus) + "</title></head><body><h1>" + httpStatus + " " + reason(httpStatus)
                + "</h1><hr><p>nginx</p></body></html>\n"));
    }

    /** @return the connection closed without an answer */
    public static Fault dropConnection() {
        return response(FakeResponse.dropConnection());
    }

    /**
     * The usual answer, held back until the fake's clock has moved on by {@code delay}: real time on a
     * {@code SystemClock}; on a {@link ManualClock} the answer comes when the test advances it, so no test
     * sleeps. A client's response timeout shorter than this sees a timeout.
     *
     * @param delay how long to hold the answer
     * @return the fault
     */
    public static Fault latency(Duration delay) {
        return new Fault(null, checkDelay(delay));
    }

    /**
     * @param response the answer to send instead of the usual one
     * @return the fault
     */
    public static Fault response(FakeResponse response) {
        return new Fault(Objects.requireNonNull(response, "response"), Duration.ZERO);
    }

    /**
     * @param delay latency to add before this fault's answer, on the fake's clock
     * @return a copy with that latency
     */
    public Fault delayedBy(Duration delay) {
        return new Fault(response, checkDelay(delay), afterCreating);
    }

    /**
     * On a submit: the fake creates the task first (it exists, runs, calls back and would be billed) and only
     * then answers with this fault, as a provider does when it fails after accepting the work. A client that
     * submits again pays twice; this is the fault that shows it. With a latency, the task is created at once
     * and the answer held. On a query it makes no difference.
     *
     * <pre>{@code
     * fake.onNextTask().onSubmit(Fault.status(500).afterCreatingTheTask());
     * fake.onNextTask().onSubmit(Fault.dropConnection().afterCreatingTheTask());
     * }</pre>
     *
     * @return a copy that lets the task be created before it strikes
     */
    public Fault afterCreatingTheTask() {
        return new Fault(response, delay, true);
    }

    /** @return true when a submit meeting this fault creates its task anyway, see {@link #afterCreatingTheTask()} */
    public boolean createsTheTask() {
        return afterCreating;
    }

    /** @return the answer sent instead of the usual one; empty for pure latency */
    public Optional<FakeResponse> response() {
        return Optional.ofNullable(response);
    }

    /** @return the latency added before answering, on the fake's clock */
    public Duration delay() {
        return delay;
    }

    private static Duration checkDelay(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("a latency cannot be negative: " + delay);
        }
        return delay;
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "bad request";
            case 404 -> "not found";
            case 429 -> "too many requests";
            case 500 -> "internal server error";
            case 502 -> "bad gateway";
            case 503 -> "service unavailable";
            case 504 -> "gateway timeout";
            default -> "error";
        };
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    @Override
    public String toString() {
        return "Fault[" + (response == null ? "usual answer" : response) + ", delay=" + delay
                + (afterCreating ? ", after creating the task" : "") + "]";
    }
}
