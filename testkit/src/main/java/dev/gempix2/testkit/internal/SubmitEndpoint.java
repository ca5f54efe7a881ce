package dev.gempix2.testkit.internal;

import dev.gempix2.core.model.TaskId;
import dev.gempix2.testkit.FakeResponse;
import dev.gempix2.testkit.RecordedRequest;
import dev.gempix2.testkit.internal.ScriptBook.Decision;
import dev.gempix2.testkit.internal.ScriptState.CallbackPlan;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** {@code POST /api/image/gen}: checks the key and the body, meets the script's faults, creates the task. */
final class SubmitEndpoint {
    private static final System.Logger LOG = System.getLogger("dev.gempix2");
    private static final long CALLBACK_FIRST_WAIT_SECONDS = 10;

    private final BackendContext context;

    SubmitEndpoint(BackendContext context) {
        this.context = context;
    }

    Answer answer(RecordedRequest request, String authorization) {
        Optional<String> key = context.keys().authenticate(authorization);
        if (key.isEmpty()) {
            return Answer.of(ProviderAnswers.unauthorizedOnSubmit());
        }
        Optional<Object> json = Json.read(request.body().getBytes(StandardCharsets.UTF_8));
        Optional<String> problem = SubmitValidation.problem(json, context.settings().models());
        if (problem.isPresent()) {
            return Answer.of(ProviderAnswers.invalid(problem.get()));
        }
        Map<?, ?> body = (Map<?, ?>) json.get();
        String prompt = (String) body.get("prompt");
        URI callbackUrl = body.get("callback_url") instanceof String url ? URI.create(url) : null;
        Decision decision = context.scripts().decide(prompt);
        return new Answer(decision.fault(), () -> create(key.get(), prompt, callbackUrl, decision.source()));
    }

    private FakeResponse create(String key, String prompt, URI callbackUrl, ScriptState source) {
        ScriptState script = source.copyForTask();
        context.scripts().taskCreatedFrom(source);
        CallbackPlan plan = script.callbackPlan();
        Duration[] stages = plan.beforeSubmitResponse()
                ? new Duration[] {Duration.ZERO, Duration.ZERO, Duration.ZERO}
                : script.stages().orElse(context.settings().stages());
        Instant now = context.clock().now();
        FakeTask task = new FakeTask(newTaskId(), key, prompt, callbackUrl, now, stages, script,
                context.settings().imageMode());
        context.tasks().add(task);
        if (plan.beforeSubmitResponse()) {
            deliverBeforeAnswering(task, plan);
        } else {
            context.scheduler().schedule(Duration.between(now, task.finalAt()), () -> finish(task));
        }
        return ProviderAnswers.ok(Map.of("task_id", task.id().value()));
    }

    private void finish(FakeTask task) {
        CallbackPlan plan = task.script().callbackPlan();
        if (!task.isFinalAt(context.clock().now()) || task.callbackUrl() == null || plan.copies() == 0) {
            return;
        }
        if (plan.delay().isZero()) {
            deliver(task, plan.copies());
        } else {
            context.scheduler().schedule(plan.delay(), () -> deliver(task, plan.copies()));
        }
    }

    private void deliverBeforeAnswering(FakeTask task, CallbackPlan plan) {
        if (task.callbackUrl() == null || plan.copies() == 0) {
            return;
        }
        try {
            deliver(task, plan.copies()).get(CALLBACK_FIRST_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException slow) {
            LOG.log(System.Logger.Level.WARNING, "GemPix2 fake: the callback for {0} did not finish before the "
                    + "submit answer ({1}); answering anyway", task.id(), slow.toString());
        }
    }

    private java.util.concurrent.CompletableFuture<Void> deliver(FakeTask task, int copies) {
        String body = Json.text(task.callbackPayload(context.clock().now(), context.baseUrl()));
        return context.callbacks().deliver(task.id(), task.callbackUrl(), body, copies);
    }

    private static TaskId newTaskId() {
        return TaskId.of("ta" + UUID.randomUUID().toString().substring(2));
    }
}
