package dev.gempix2.testkit;

import dev.gempix2.testkit.internal.ScriptState;
import dev.gempix2.testkit.internal.ScriptState.CallbackPlan;
import dev.gempix2.testkit.internal.ScriptState.Ending;
import dev.gempix2.testkit.internal.ScriptState.Outcome;
import java.time.Duration;
import java.util.Objects;

/**
 * What the fake does with some tasks: how they end, how long each stage takes, which faults their requests
 * meet and how their callbacks go. Get one from {@link FakeGemPix2Backend#onPrompt(String)},
 * {@link FakeGemPix2Backend#onNextTask()}, {@link FakeGemPix2Backend#onEveryTask()} or, for a task already
 * submitted, {@link FakeGemPix2Backend#onTask(dev.gempix2.core.model.TaskId)}. Every method returns this
 * script, so calls chain. Thread-safe; changes apply to requests that arrive afterwards.
 *
 * <pre>{@code
 * fake.onPrompt("a red fox").succeedWith(3);
 * fake.onPrompt("forbidden").failWith("prompt violates the content policy");
 * fake.onPrompt("flaky").onSubmit(Fault.status(503), 2).onQuery(Fault.dropConnection());
 * fake.onNextTask().duplicateCallback().lateCallback(Duration.ofSeconds(5));
 * }</pre>
 *
 * <p>A task takes a copy of its script when it is submitted (the query faults included, so each task meets
 * them afresh); submit faults stay with the script that holds them and are used up by the submits it matches.
 */
public final class TaskScript {
    private final ScriptState state;

    TaskScript(ScriptState state) {
        this.state = state;
    }

    ScriptState state() {
        return state;
    }

    /** @return this script; the task succeeds with one image (the default) */
    public TaskScript succeed() {
        return succeedWith(1);
    }

    /**
     * @param images how many images the task yields, 1 to 4
     * @return this script
     */
    public TaskScript succeedWith(int images) {
        if (images < 1 || images > 4) {
            throw new IllegalArgumentException("a task yields 1 to 4 images, not " + images);
        }
        state.outcome(new Outcome(Ending.SUCCESS, images, null));
        return this;
    }

    /**
     * @param reason the provider's reason, reported in {@code status_reason.message}
     * @return this script; the task ends {@code failed} with {@code result: null}
     */
    public TaskScript failWith(String reason) {
        state.outcome(new Outcome(Ending.FAILURE, 0, requireText(reason, "reason")));
        return this;
    }

    /**
     * @param text what the model answered instead of drawing
     * @return this script; the task ends {@code success} with a result that holds only {@code {"text": ...}}
     */
    public TaskScript answerWithText(String text) {
        state.outcome(new Outcome(Ending.TEXT, 0, requireText(text, "text")));
        return this;
    }

    /** @return this script; the task stays {@code in_progress} for ever and no callback comes */
    public TaskScript neverFinish() {
        state.outcome(new Outcome(Ending.NEVER, 0, null));
        return this;
    }

    /**
     * @param wireStatus a status to report while the task is unfinished instead of the real one, e.g. one this
     *                   version of the library does not know ({@code "moderation"})
     * @return this script
     */
    public TaskScript reportStatus(String wireStatus) {
        state.reportedStatus(requireText(wireStatus, "wireStatus"));
        return this;
    }

    /**
     * @param each how long the task spends in each of {@code pending}, {@code submitted}, {@code in_progress};
     *             default: the backend's
     * @return this script (applies to tasks submitted afterwards)
     */
    public TaskScript stageDuration(Duration each) {
        return stageDurations(each, each, each);
    }

    /**
     * @param pending time in {@code pending}
     * @param submitted time in {@code submitted}
     * @param inProgress time in {@code in_progress}
     * @return this script (applies to tasks submitted afterwards)
     */
    public TaskScript stageDurations(Duration pending, Duration submitted, Duration inProgress) {
        state.stages(requireDelay(pending, "pending"), requireDelay(submitted, "submitted"),
                requireDelay(inProgress, "inProgress"));
        return this;
    }

    /** @return this script; the task is final as soon as it is created (its callback still waits for the clock) */
    public TaskScript finishImmediately() {
        return stageDuration(Duration.ZERO);
    }

    /**
     * @param mode URLs the fake serves, or data URIs; default: the backend's
     * @return this script
     */
    public TaskScript imagesAs(ImageMode mode) {
        state.imageMode(Objects.requireNonNull(mode, "mode"));
        return this;
    }

    /**
     * @param decimal the {@code consumed} credits at the end, as the provider's decimal string; default
     *                {@code "0.500000"} per success, {@code "0.000000"} on failure
     * @return this script
     */
    public TaskScript consumed(String decimal) {
        try {
            new java.math.BigDecimal(requireText(decimal, "decimal"));
        } catch (NumberFormatException notADecimal) {
            throw new IllegalArgumentException("consumed must be a decimal string such as \"0.500000\", not '"
                    + decimal + "'");
        }
        state.consumed(decimal);
        return this;
    }

    /**
     * @param fault what the next submit matching this script meets
     * @return this script
     */
    public TaskScript onSubmit(Fault fault) {
        return onSubmit(fault, 1);
    }

    /**
     * @param fault what the next submits matching this script meet; the task is created by the first submit
     *              after them
     * @param times how many submits
     * @return this script
     */
    public TaskScript onSubmit(Fault fault, int times) {
        state.addSubmitFault(Objects.requireNonNull(fault, "fault"), requireTimes(times));
        return this;
    }

    /**
     * @param fault what the task's next query meets
     * @return this script
     */
    public TaskScript onQuery(Fault fault) {
        return onQuery(fault, 1);
    }

    /**
     * @param fault what the task's next queries meet, before the usual answers resume
     * @param times how many queries
     * @return this script
     */
    public TaskScript onQuery(Fault fault, int times) {
        state.addQueryFault(Objects.requireNonNull(fault, "fault"), requireTimes(times));
        return this;
    }

    /**
     * The provider catching up: queries answer {@code 404 task not found} for a while after the submit.
     *
     * @param window how long after the submit, on the fake's clock
     * @return this script
     */
    public TaskScript notFoundFor(Duration window) {
        state.notFoundFor(requireDelay(window, "window"));
        return this;
    }

    /** @return this script; the final state is POSTed twice to the callback URL */
    public TaskScript duplicateCallback() {
        CallbackPlan plan = state.callbackPlan();
        state.callbackPlan(new CallbackPlan(2, plan.delay(), plan.beforeSubmitResponse()));
        return this;
    }

    /**
     * @param delay how long after the final state the callback comes, on the fake's clock
     * @return this script
     */
    public TaskScript lateCallback(Duration delay) {
        CallbackPlan plan = state.callbackPlan();
        state.callbackPlan(new CallbackPlan(Math.max(1, plan.copies()), requireDelay(delay, "delay"),
                plan.beforeSubmitResponse()));
        return this;
    }

    /**
     * The task finishes at once and its callback is delivered before the submit is answered, so the callback
     * arrives before the client knows the task id.
     *
     * @return this script
     */
    public TaskScript callbackBeforeSubmitResponse() {
        CallbackPlan plan = state.callbackPlan();
        state.callbackPlan(new CallbackPlan(Math.max(1, plan.copies()), Duration.ZERO, true));
        return this;
    }

    /** @return this script; no callback is sent (a lost webhook), polling must find the end */
    public TaskScript noCallback() {
        state.callbackPlan(new CallbackPlan(0, Duration.ZERO, false));
        return this;
    }

    private static String requireText(String text, String name) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return text;
    }

    private static Duration requireDelay(Duration delay, String name) {
        Objects.requireNonNull(delay, name);
        if (delay.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + delay);
        }
        return delay;
    }

    private static int requireTimes(int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1, not " + times);
        }
        return times;
    }

    @Override
    public String toString() {
        return "TaskScript[" + state.outcome() + "]";
    }
}
