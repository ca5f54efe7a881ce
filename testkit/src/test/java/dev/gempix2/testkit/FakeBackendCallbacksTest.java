package dev.gempix2.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gempix2.core.model.TaskId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The fake POSTs each task's final state to its callback_url, as scripted, and records each attempt. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FakeBackendCallbacksTest {
    private static final Duration TASK_TIME = Duration.ofSeconds(3);

    private final ManualClock clock = new ManualClock();
    private final FakeGemPix2Backend fake = FakeGemPix2Backend.builder().clock(clock)
            .callbackRetries(3, Duration.ofMillis(10)).start();
    private final WebhookStub webhook = new WebhookStub();
    private final ApiCalls api = new ApiCalls(fake);

    @AfterEach
    void stop() {
        fake.close();
        webhook.close();
    }

    private TaskId submitWithCallback(String prompt) {
        String body = "{\"model\":\"google/gempix2\",\"prompt\":\"" + prompt + "\",\"callback_url\":\""
                + webhook.url("/hook/secret-token") + "\"}";
        return TaskId.of((String) ApiCalls.data(api.submit(body)).get("task_id"));
    }

    @Test
    void theFinalStateIsPostedWhenTheTaskEndsAndNotBefore() throws InterruptedException {
        TaskId id = submitWithCallback("a kite");
        clock.advance(TASK_TIME.minusMillis(1));
        assertThat(fake.callbackAttempts()).isEmpty();
        clock.advance(Duration.ofMillis(1));
        Map<String, Object> payload = ApiCalls.json(webhook.awaitBody());
        assertThat(payload).containsOnlyKeys("task_id", "status", "result", "consumed", "status_reason")
                .containsEntry("task_id", id.value()).containsEntry("status", "success")
                .containsEntry("consumed", "0.500000");
        CallbackDelivery delivery = fake.takeCallback(Duration.ofSeconds(5));
        assertThat(delivery.taskId()).isEqualTo(id);
        assertThat(delivery.status()).isEqualTo(200);
        assertThat(delivery.attempt()).isEqualTo(1);
        assertThat(delivery.url().getPath()).isEqualTo("/hook/secret-token");
        assertThat(delivery.toString()).doesNotContain("secret-token");
        assertThat(fake.callbacksDelivered()).containsExactly(delivery);
    }

    @Test
    void theCallbackViewAnswersLikeTheShortcutsOnTheFake() throws InterruptedException {
        TaskId id = submitWithCallback("a kite");
        clock.advance(TASK_TIME);
        webhook.awaitBody();
        CallbackDelivery delivered = fake.callbacks().awaitDelivered(id, Duration.ofSeconds(5));
        assertThat(fake.callbacks().delivered()).isEqualTo(fake.callbacksDelivered()).containsExactly(delivered);
        assertThat(fake.callbacks().attempts()).isEqualTo(fake.callbackAttempts()).containsExactly(delivered);
        assertThat(fake.callbacks().take(Duration.ofSeconds(5))).isEqualTo(delivered);
    }

    @Test
    void aFailedTaskIsPostedWithItsReason() throws InterruptedException {
        fake.onEveryTask().failWith("no credits left");
        submitWithCallback("x");
        clock.advance(TASK_TIME);
        assertThat(ApiCalls.json(webhook.awaitBody())).containsEntry("status", "failed").containsEntry("result", null)
                .containsEntry("status_reason", Map.of("message", "no credits left"));
    }

    @Test
    void aFailedDeliveryIsRetriedAndEachAttemptRecordedWithTheReceiversStatus() {
        webhook.answerNext(500, 503);
        submitWithCallback("x");
        clock.advance(TASK_TIME);
        List<CallbackDelivery> attempts = List.of(fake.takeCallback(Duration.ofSeconds(5)),
                fake.takeCallback(Duration.ofSeconds(5)), fake.takeCallback(Duration.ofSeconds(5)));
        assertThat(attempts).extracting(CallbackDelivery::attempt).containsExactly(1, 2, 3);
        assertThat(attempts).extracting(CallbackDelivery::status).containsExactly(500, 503, 200);
        assertThat(fake.callbacksDelivered()).hasSize(1);
    }

    @Test
    void theFakeGivesUpAfterItsAttempts() {
        webhook.answerNext(500, 500, 500, 500);
        submitWithCallback("x");
        clock.advance(TASK_TIME);
        for (int i = 0; i < 3; i++) {
            assertThat(fake.takeCallback(Duration.ofSeconds(5)).status()).isEqualTo(500);
        }
        assertThat(fake.callbacksDelivered()).isEmpty();
    }

    @Test
    void anUnreachableReceiverIsRecordedWithoutStatus() {
        String body = "{\"model\":\"google/gempix2\",\"prompt\":\"x\",\"callback_url\":\"http://127.0.0.1:1/hook\"}";
        fake.onEveryTask().finishImmediately();
        api.submit(body);
        clock.runDue();
        CallbackDelivery first = fake.takeCallback(Duration.ofSeconds(10));
        assertThat(first.status()).isZero();
        assertThat(first.error()).isPresent();
        assertThat(first.isDelivered()).isFalse();
    }

    @Test
    void aDuplicateCallbackIsPostedTwice() throws InterruptedException {
        fake.onEveryTask().duplicateCallback();
        TaskId id = submitWithCallback("x");
        clock.advance(TASK_TIME);
        assertThat(ApiCalls.json(webhook.awaitBody())).containsEntry("task_id", id.value());
        assertThat(ApiCalls.json(webhook.awaitBody())).containsEntry("task_id", id.value());
        assertThat(fake.takeCallback(Duration.ofSeconds(5)).attempt()).isEqualTo(1);
        assertThat(fake.takeCallback(Duration.ofSeconds(5)).attempt()).isEqualTo(1);
    }

    @Test
    void aLateCallbackComesOnlyAfterItsDelayWhileQueriesAlreadySeeTheEnd() throws InterruptedException {
        fake.onEveryTask().lateCallback(Duration.ofMinutes(2));
        TaskId id = submitWithCallback("x");
        clock.advance(TASK_TIME.plusSeconds(119));
        assertThat(api.queryData(id)).containsEntry("status", "success");
        assertThat(fake.callbackAttempts()).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(ApiCalls.json(webhook.awaitBody())).containsEntry("status", "success");
    }

    @Test
    void aCallbackCanArriveBeforeTheSubmitIsAnswered() {
        fake.onEveryTask().callbackBeforeSubmitResponse();
        TaskId id = submitWithCallback("x");
        assertThat(webhook.bodies()).as("delivered while the submit was still unanswered").hasSize(1);
        assertThat(ApiCalls.json(webhook.bodies().get(0))).containsEntry("task_id", id.value());
        assertThat(fake.statusOf(id)).isEqualTo("success");
    }

    @Test
    void noCallbackIsSentWhenScriptedLostOrWhenNoUrlWasGiven() {
        fake.onPrompt("lost").noCallback().finishImmediately();
        fake.onPrompt("plain").finishImmediately();
        fake.onPrompt("control").finishImmediately();
        submitWithCallback("lost");
        api.submitPrompt("plain");
        TaskId control = submitWithCallback("control");
        clock.advance(Duration.ofMinutes(1));
        assertThat(fake.takeCallback(Duration.ofSeconds(5)).taskId()).isEqualTo(control);
        assertThat(fake.callbackAttempts()).extracting(CallbackDelivery::taskId).containsExactly(control);
    }
}
