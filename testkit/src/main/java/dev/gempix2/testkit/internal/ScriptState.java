package dev.gempix2.testkit.internal;

import dev.gempix2.testkit.Fault;
import dev.gempix2.testkit.ImageMode;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * What a script says about a task, behind the public {@code TaskScript}. Thread-safe: a test thread writes
 * while the server's threads read.
 */
public final class ScriptState {

    /** How a task ends. */
    public enum Ending {
        /** {@code success} with images. */
        SUCCESS,
        /** {@code failed} with a reason. */
        FAILURE,
        /** {@code success} with only the model's text, no image. */
        TEXT,
        /** Never: the task stays {@code in_progress}. */
        NEVER
    }

    /**
     * @param ending how the task ends
     * @param imageCount images on success
     * @param text the failure reason or the model's text
     */
    public record Outcome(Ending ending, int imageCount, String text) {
    }

    /**
     * How a task's callback goes.
     *
     * @param copies how many times the final state is POSTed (2 for a duplicate); 0 for none
     * @param delay how long after the final state, on the fake's clock
     * @param beforeSubmitResponse true to finish at once and deliver before answering the submit
     */
    public record CallbackPlan(int copies, Duration delay, boolean beforeSubmitResponse) {
    }

    private Outcome outcome = new Outcome(Ending.SUCCESS, 1, null);
    private String reportedStatus;
    private Duration[] stages;
    private ImageMode imageMode;
    private String consumed;
    private final Deque<Fault> submitFaults = new ArrayDeque<>();
    private final Deque<Fault> queryFaults = new ArrayDeque<>();
    private Duration notFoundFor = Duration.ZERO;
    private CallbackPlan callbackPlan = new CallbackPlan(1, Duration.ZERO, false);

    /** @return a copy for one task: everything but the submit faults, which belong to the submits */
    public synchronized ScriptState copyForTask() {
        ScriptState copy = new ScriptState();
        copy.outcome = outcome;
        copy.reportedStatus = reportedStatus;
        copy.stages = stages == null ? null : stages.clone();
        copy.imageMode = imageMode;
        copy.consumed = consumed;
        copy.queryFaults.addAll(queryFaults);
        copy.notFoundFor = notFoundFor;
        copy.callbackPlan = callbackPlan;
        return copy;
    }

    /** @param outcome how the task ends */
    public synchronized void outcome(Outcome outcome) {
        this.outcome = outcome;
    }

    /** @return how the task ends */
    public synchronized Outcome outcome() {
        return outcome;
    }

    /** @param wireStatus the status reported while unfinished, or null for the real one */
    public synchronized void reportedStatus(String wireStatus) {
        this.reportedStatus = wireStatus;
    }

    /** @return the status reported while unfinished, if scripted */
    public synchronized Optional<String> reportedStatus() {
        return Optional.ofNullable(reportedStatus);
    }

    /**
     * @param pending time in {@code pending}
     * @param submitted time in {@code submitted}
     * @param inProgress time in {@code in_progress}
     */
    public synchronized void stages(Duration pending, Duration submitted, Duration inProgress) {
        this.stages = new Duration[] {pending, submitted, inProgress};
    }

    /** @return the three stage durations, if scripted */
    public synchronized Optional<Duration[]> stages() {
        return Optional.ofNullable(stages).map(Duration[]::clone);
    }

    /** @param mode how images are handed out */
    public synchronized void imageMode(ImageMode mode) {
        this.imageMode = mode;
    }

    /** @return how images are handed out, if scripted */
    public synchronized Optional<ImageMode> imageMode() {
        return Optional.ofNullable(imageMode);
    }

    /** @param decimal the {@code consumed} string to report at the end */
    public synchronized void consumed(String decimal) {
        this.consumed = decimal;
    }

    /** @return the {@code consumed} string to report at the end, if scripted */
    public synchronized Optional<String> consumed() {
        return Optional.ofNullable(consumed);
    }

    /**
     * @param fault a fault for the next submits
     * @param times how many
     */
    public synchronized void addSubmitFault(Fault fault, int times) {
        for (int i = 0; i < times; i++) {
            submitFaults.add(fault);
        }
    }

    /** @return true when a submit fault is queued */
    public synchronized boolean hasSubmitFault() {
        return !submitFaults.isEmpty();
    }

    /** @return the next submit fault, taken from the queue */
    public synchronized Optional<Fault> takeSubmitFault() {
        return Optional.ofNullable(submitFaults.poll());
    }

    /**
     * @param fault a fault for the next queries
     * @param times how many
     */
    public synchronized void addQueryFault(Fault fault, int times) {
        for (int i = 0; i < times; i++) {
            queryFaults.add(fault);
        }
    }

    /** @return the next query fault, taken from the queue */
    public synchronized Optional<Fault> takeQueryFault() {
        return Optional.ofNullable(queryFaults.poll());
    }

    /** @param window how long after the submit queries answer 404 */
    public synchronized void notFoundFor(Duration window) {
        this.notFoundFor = window;
    }

    /** @return how long after the submit queries answer 404 */
    public synchronized Duration notFoundFor() {
        return notFoundFor;
    }

    /** @param plan how the callback goes */
    public synchronized void callbackPlan(CallbackPlan plan) {
        this.callbackPlan = plan;
    }

    /** @return how the callback goes */
    public synchronized CallbackPlan callbackPlan() {
        return callbackPlan;
    }
}
