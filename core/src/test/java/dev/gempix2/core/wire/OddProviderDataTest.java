package dev.gempix2.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gempix2.core.error.TransportException;
import dev.gempix2.core.internal.CallKind;
import dev.gempix2.core.model.Task;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Defect 5 of the reliability issue, "odd but successful provider data is treated as a failure or crashes": a
 * 200 submit answer with a task id of over 200 characters or with a space blamed the user and abandoned a task
 * that exists; a {@code created_at} out of range escaped as {@code DateTimeException}; {@code "consumed":
 * "1e999999999"} was accepted and later ran out of memory in {@code toPlainString}. A created task is now never
 * abandoned, and odd fields degrade to empty.
 */
class OddProviderDataTest {

    @Test
    void aSubmitAnswerWithAnUnusableTaskIdLeavesTheTaskInDoubtInsteadOfAbandoned() {
        for (String odd : new String[] {"x".repeat(201), "ta 123"}) {
            WireResponse answer = WireResponse.json(200, Map.of("code", 0, "data", Map.of("task_id", odd)), null);

            TransportException failure = catchThrowableOfType(TransportException.class,
                    () -> WireFormat.readSubmitResponse(answer));

            assertThat(failure.requestMayHaveReachedServer()).isTrue();
            assertThat(CallKind.submitCertainlyCreatedNoTask(failure)).as("never abandoned").isFalse();
            assertThat(failure).hasMessageContaining("created");
        }
    }

    @Test
    void aCreatedAtOutOfRangeIsLeftEmptyInsteadOfFailingTheCallback() {
        Task task = WireFormat.readCallback(Map.of("task_id", "t1", "status", "success",
                "created_at", -1_000_000_000_000_000_000L));

        assertThat(task.createdAt()).isEmpty();
    }

    @Test
    void anAbsurdConsumedAmountIsLeftEmpty() {
        Task task = WireFormat.readCallback(Map.of("task_id", "t1", "status", "success", "consumed", "1e999999999"));

        assertThat(task.consumedCredits()).isEmpty();
    }

    @Test
    void anOrdinaryConsumedAmountIsKept() {
        Task task = WireFormat.readCallback(Map.of("task_id", "t1", "status", "success", "consumed", "0.25"));

        assertThat(task.consumedCredits()).hasValueSatisfying(v -> assertThat(v.toPlainString()).isEqualTo("0.25"));
    }
}
