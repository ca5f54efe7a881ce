package dev.gempix2.testkit;

import dev.gempix2.core.model.TaskId;
import dev.gempix2.testkit.internal.Journal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The callbacks a {@link FakeGemPix2Backend} attempted (retries included), each with the receiver's answer: a
 * view of the fake's journal, read live (a reset empties it). Thread-safe.
 *
 * <pre>{@code
 * Task task = client.generate(ImageRequest.of("a red fox"));
 * CallbackDelivery delivery = fake.callbacks().awaitDelivered(task.id(), Duration.ofSeconds(5));
 * }</pre>
 */
public final class CallbackJournal {
    private final Journal journal;

    CallbackJournal(Journal journal) {
        this.journal = journal;
    }

    /** @return the callback attempts kept in the journal (retries included), with the receiver's status */
    public List<CallbackDelivery> attempts() {
        return journal.callbacks();
    }

    /** @return the callback attempts the receiver answered with 2xx */
    public List<CallbackDelivery> delivered() {
        List<CallbackDelivery> delivered = new ArrayList<>();
        for (CallbackDelivery attempt : attempts()) {
            if (attempt.isDelivered()) {
                delivered.add(attempt);
            }
        }
        return delivered;
    }

    /**
     * Waits until the receiver has answered a callback of this task with 2xx. A client's wait may complete
     * (from the confirming query) before the fake has read the receiver's answer, so a test that checks the
     * delivery after {@code generate} returns waits for it here instead of reading the journal at once.
     *
     * @param id a task the fake created
     * @param timeout how long to wait at most
     * @return the first delivered callback of that task
     * @throws AssertionError when none is delivered in time
     */
    public CallbackDelivery awaitDelivered(TaskId id, Duration timeout) {
        try {
            CallbackDelivery delivery = journal.awaitCallback(
                    attempt -> attempt.isDelivered() && attempt.taskId().equals(id), timeout);
            if (delivery == null) {
                throw new AssertionError("no callback of " + id + " was delivered within " + timeout);
            }
            return delivery;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for a callback", interrupted);
        }
    }

    /**
     * @param timeout how long to wait for a callback attempt to finish
     * @return the oldest finished attempt not yet taken
     * @throws AssertionError when none finishes in time
     */
    public CallbackDelivery take(Duration timeout) {
        try {
            CallbackDelivery delivery = journal.takeCallback(timeout);
            if (delivery == null) {
                throw new AssertionError("the GemPix2 fake attempted no callback within " + timeout);
            }
            return delivery;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for a callback", interrupted);
        }
    }

    @Override
    public String toString() {
        return "CallbackJournal[" + journal.callbacks().size() + " attempts kept]";
    }
}
