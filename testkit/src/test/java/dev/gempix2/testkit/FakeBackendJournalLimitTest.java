package dev.gempix2.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gempix2.core.model.TaskId;
import dev.gempix2.testkit.internal.Journal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The journal keeps only the latest requests, so a load test through the fake does not fill the heap. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FakeBackendJournalLimitTest {

    @Test
    void pastTheLimitTheOldestRequestsAreDroppedAndCountedWhileTheCountsStayExact() {
        try (FakeGemPix2Backend fake = FakeGemPix2Backend.builder().clock(new ManualClock()).journalLimit(5)
                .start()) {
            ApiCalls api = new ApiCalls(fake);
            List<TaskId> ids = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                ids.add(api.submitPrompt("task " + i));
            }
            api.query(ids.get(7));
            api.query(ids.get(0));

            assertThat(fake.requests()).hasSize(5);
            assertThat(fake.requests()).extracting(RecordedRequest::sequence).containsExactly(6L, 7L, 8L, 9L, 10L);
            assertThat(fake.submitCount()).isEqualTo(8);
            assertThat(fake.requestCount()).isEqualTo(10);
            assertThat(fake.droppedRequests()).isEqualTo(5);
            assertThat(fake.taskIds()).hasSize(8);
            assertThat(fake.queriesFor(ids.get(7))).hasSize(1);
        }
    }

    @Test
    void requestsNotTakenAreBoundedToo() {
        try (FakeGemPix2Backend fake = FakeGemPix2Backend.builder().clock(new ManualClock()).journalLimit(3)
                .start()) {
            ApiCalls api = new ApiCalls(fake);
            for (int i = 0; i < 6; i++) {
                api.submitPrompt("task " + i);
            }
            assertThat(fake.takeRequest().sequence()).isEqualTo(4);
            assertThat(fake.takeRequest().sequence()).isEqualTo(5);
            assertThat(fake.takeRequest().sequence()).isEqualTo(6);
            assertThatThrownBy(() -> fake.takeRequest(Duration.ofMillis(20))).isInstanceOf(AssertionError.class);
        }
    }

    @Test
    void aResetStartsTheCountsAgain() {
        try (FakeGemPix2Backend fake = FakeGemPix2Backend.builder().clock(new ManualClock()).journalLimit(1)
                .start()) {
            ApiCalls api = new ApiCalls(fake);
            api.submitPrompt("a");
            api.submitPrompt("b");
            fake.reset();
            assertThat(fake.droppedRequests()).isZero();
            assertThat(fake.requestCount()).isZero();
            assertThat(fake.submitCount()).isZero();
        }
    }

    @Test
    void theJournalHoldsNoMoreEntriesThanItsLimitUnderLoad() {
        Journal journal = new Journal(100);
        for (int i = 1; i <= 100_000; i++) {
            journal.record(RecordedRequest.of(journal.nextSequence(), "POST", "/api/image/gen", null,
                    java.util.Map.of(), "{}", java.time.Instant.EPOCH));
        }
        assertThat(journal.requests()).hasSize(100);
        assertThat(journal.requests().get(0).sequence()).isEqualTo(99_901);
        assertThat(journal.submitCount()).isEqualTo(100_000);
        assertThat(journal.droppedRequests()).isEqualTo(99_900);
    }

    @Test
    void aLimitBelowOneIsRefusedWithItsName() {
        assertThatThrownBy(() -> FakeGemPix2Backend.builder().journalLimit(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("journalLimit");
    }

    @Test
    void theDefaultLimitIsTenThousand() {
        assertThat(FakeGemPix2Backend.Builder.DEFAULT_JOURNAL_LIMIT).isEqualTo(10_000);
    }
}
