package dev.gempix2.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Callbacks that beat their submit's answer. While a record's submit is in flight its task id is unknown, so a
 * callback carrying the record's token cannot be checked: it is held here, and applied only once the submit
 * answers with the same task id (a callback naming another task is rejected). When the submit fails, a held
 * callback is all the client knows of a task that may exist: it is released to adopt it.
 */
public final class EarlyCallbacks {
    private final Map<String, List<Consumer<Settlement>>> held = new ConcurrentHashMap<>();

    /**
     * How a record's submit ended.
     *
     * @param taskId the id the provider answered with, or null when the submit failed
     * @param certainlyNoTask true when the failed submit certainly created no task
     */
    public record Settlement(dev.gempix2.core.model.TaskId taskId, boolean certainlyNoTask) {
    }

    /** @param recordId a record whose submit is about to be sent */
    public void submitting(String recordId) {
        held.put(recordId, new ArrayList<>(1));
    }

    /**
     * @param recordId a record
     * @param onSettled what to do with a callback once the record's submit settles
     * @return false when the record has no submit in flight (the caller handles the callback at once)
     */
    public boolean hold(String recordId, Consumer<Settlement> onSettled) {
        boolean[] holding = {false};
        held.computeIfPresent(recordId, (id, list) -> {
            list.add(onSettled);
            holding[0] = true;
            return list;
        });
        return holding[0];
    }

    /**
     * The record's submit ended: its held callbacks run now, on the caller's thread.
     *
     * @param recordId the record
     * @param settlement how its submit ended
     */
    public void settled(String recordId, Settlement settlement) {
        List<Consumer<Settlement>> waiting = held.remove(recordId);
        if (waiting != null) {
            waiting.forEach(callback -> callback.accept(settlement));
        }
    }
}
