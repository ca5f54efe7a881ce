package dev.gempix2.testkit.internal;

import dev.gempix2.core.model.TaskId;
import dev.gempix2.testkit.ImageMode;
import dev.gempix2.testkit.internal.ScriptState.Ending;
import dev.gempix2.testkit.internal.ScriptState.Outcome;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One task of the fake. Its status follows from the time since it was created and its stage durations; its
 * outcome comes from its script and is frozen once the task is final. Thread-safe.
 */
public final class FakeTask {
    private static final String SUCCESS_CONSUMED = "0.500000";
    private static final String NOTHING_CONSUMED = "0.000000";

    private final TaskId id;
    private final String ownerKey;
    private final String prompt;
    private final URI callbackUrl;
    private final Instant createdAt;
    private final Instant finalAt;
    private final Duration[] stages;
    private final ScriptState script;
    private final ImageMode defaultImageMode;
    private final AtomicReference<Outcome> frozen = new AtomicReference<>();
    private final Map<Integer, byte[]> images = new ConcurrentHashMap<>();

    /**
     * @param id the task's id
     * @param ownerKey the key that submitted it; other keys do not see it
     * @param prompt the prompt
     * @param callbackUrl where to POST the final state, or null
     * @param createdAt when it was submitted, on the fake's clock
     * @param stages time in pending, submitted and in_progress
     * @param script the task's own script
     * @param defaultImageMode how images are handed out unless the script says otherwise
     */
    public FakeTask(TaskId id, String ownerKey, String prompt, URI callbackUrl, Instant createdAt, Duration[] stages,
                    ScriptState script, ImageMode defaultImageMode) {
        this.id = id;
        this.ownerKey = ownerKey;
        this.prompt = prompt;
        this.callbackUrl = callbackUrl;
        this.createdAt = createdAt;
        this.stages = stages.clone();
        this.finalAt = createdAt.plus(stages[0]).plus(stages[1]).plus(stages[2]);
        this.script = script;
        this.defaultImageMode = defaultImageMode;
    }

    /** @return the task's id */
    public TaskId id() {
        return id;
    }

    /** @return the key that submitted it */
    public String ownerKey() {
        return ownerKey;
    }

    /** @return the prompt */
    public String prompt() {
        return prompt;
    }

    /** @return where to POST the final state, or null */
    public URI callbackUrl() {
        return callbackUrl;
    }

    /** @return the task's own script */
    public ScriptState script() {
        return script;
    }

    /** @return when the task reaches its final state, unless it never finishes */
    public Instant finalAt() {
        return finalAt;
    }

    /**
     * @param now the fake's time
     * @return true while the scripted transient 404 lasts
     */
    public boolean hiddenAt(Instant now) {
        return now.isBefore(createdAt.plus(script.notFoundFor()));
    }

    /**
     * @param now the fake's time
     * @return true once the task has ended, success or failure
     */
    public boolean isFinalAt(Instant now) {
        return outcomeAt(now) != null;
    }

    /**
     * @param now the fake's time
     * @return the status as the provider spells it
     */
    public String wireStatus(Instant now) {
        Outcome outcome = outcomeAt(now);
        if (outcome != null) {
            return outcome.ending() == Ending.FAILURE ? "failed" : "success";
        }
        return script.reportedStatus().orElseGet(() -> stageAt(now));
    }

    private String stageAt(Instant now) {
        Instant submittedAt = createdAt.plus(stages[0]);
        if (now.isBefore(submittedAt)) {
            return "pending";
        }
        return now.isBefore(submittedAt.plus(stages[1])) ? "submitted" : "in_progress";
    }

    private Outcome outcomeAt(Instant now) {
        Outcome known = frozen.get();
        if (known != null) {
            return known;
        }
        Outcome scripted = script.outcome();
        if (scripted.ending() == Ending.NEVER || now.isBefore(finalAt)) {
            return null;
        }
        frozen.compareAndSet(null, scripted);
        return frozen.get();
    }

    /**
     * The query's {@code data} object.
     *
     * @param now the fake's time
     * @param baseUrl the fake's base URL, for image URLs
     * @return the fields of the spec's callback payload plus {@code created_at}
     */
    public Map<String, Object> queryData(Instant now, URI baseUrl) {
        Map<String, Object> data = callbackPayload(now, baseUrl);
        data.put("created_at", createdAt.toString());
        return data;
    }

    /**
     * The spec's {@code CallbackPayload}.
     *
     * @param now the fake's time
     * @param baseUrl the fake's base URL, for image URLs
     * @return {@code task_id}, {@code status}, {@code result}, {@code consumed}, {@code status_reason}
     */
    public Map<String, Object> callbackPayload(Instant now, URI baseUrl) {
        Outcome outcome = outcomeAt(now);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("task_id", id.value());
        data.put("status", wireStatus(now));
        data.put("result", outcome == null ? null : result(outcome, baseUrl));
        data.put("consumed", outcome == null ? NOTHING_CONSUMED : consumed(outcome));
        Map<String, Object> reason = new LinkedHashMap<>();
        reason.put("message", outcome != null && outcome.ending() == Ending.FAILURE ? outcome.text() : null);
        data.put("status_reason", reason);
        return data;
    }

    private List<Map<String, Object>> result(Outcome outcome, URI baseUrl) {
        return switch (outcome.ending()) {
            case FAILURE, NEVER -> null;
            case TEXT -> List.of(Map.of("text", outcome.text()));
            case SUCCESS -> {
                List<Map<String, Object>> items = new ArrayList<>();
                boolean inline = script.imageMode().orElse(defaultImageMode) == ImageMode.DATA_URI;
                for (int number = 1; number <= outcome.imageCount(); number++) {
                    items.add(Map.of("image", inline
                            ? "data:image/png;base64," + Base64.getEncoder().encodeToString(image(number))
                            : imageUrl(baseUrl, number)));
                }
                yield items;
            }
        };
    }

    private String consumed(Outcome outcome) {
        return script.consumed().orElse(outcome.ending() == Ending.FAILURE ? NOTHING_CONSUMED : SUCCESS_CONSUMED);
    }

    private String imageUrl(URI baseUrl, int number) {
        return baseUrl + "/files/" + id.value() + "/" + number + ".png";
    }

    /**
     * @param number the image's number, from 1
     * @param now the fake's time
     * @return the PNG, when the task succeeded with that many images
     */
    public byte[] imageIfPresent(int number, Instant now) {
        Outcome outcome = outcomeAt(now);
        if (outcome == null || outcome.ending() != Ending.SUCCESS || number < 1 || number > outcome.imageCount()) {
            return null;
        }
        return image(number);
    }

    private byte[] image(int number) {
        int count = Math.max(1, frozen.get() == null ? 1 : frozen.get().imageCount());
        return images.computeIfAbsent(number, n -> PngRenderer.render(prompt, n, count));
    }
}
