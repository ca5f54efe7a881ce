package dev.gempix2.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gempix2.core.model.ApiKey;
import dev.gempix2.core.model.TaskId;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The journal keeps every request, with the key masked, for assertions in the style of MockWebServer. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FakeBackendJournalTest {
    private static final String KEY = "dk-journal-test-key-7890";
    private static final FakeGemPix2Backend FAKE = FakeGemPix2Backend.builder().clock(new ManualClock())
            .apiKey(KEY).start();
    private final ApiCalls api = new ApiCalls(FAKE);

    @BeforeEach
    void reset() {
        FAKE.reset();
    }

    @AfterAll
    static void stop() {
        FAKE.close();
    }

    @Test
    void requestsAreTakenInArrivalOrderWithMethodPathHeadersAndBody() {
        TaskId id = api.submitPrompt("a kite");
        api.query(id);
        RecordedRequest submit = FAKE.takeRequest();
        RecordedRequest query = FAKE.takeRequest();
        assertThat(submit.sequence()).isEqualTo(1);
        assertThat(submit.isSubmit()).isTrue();
        assertThat(submit.method()).isEqualTo("POST");
        assertThat(submit.path()).isEqualTo("/api/image/gen");
        assertThat(submit.body()).isEqualTo(ApiCalls.body("a kite"));
        assertThat(submit.header("content-type")).contains("application/json");
        assertThat(query.path()).isEqualTo("/api/task/query");
        assertThat(query.queryParameter("task_id")).contains(id.value());
        assertThat(query.isQueryOf(id)).isTrue();
    }

    @Test
    void theKeyIsMaskedButItsExactValueCanBeChecked() {
        api.submitPrompt("x");
        RecordedRequest request = FAKE.takeRequest();
        assertThat(request.header("Authorization")).contains("Bearer dk-…7890");
        assertThat(request.headers().toString()).doesNotContain(KEY);
        assertThat(request.toString()).doesNotContain(KEY);
        assertThat(request.authorizationEquals("Bearer " + KEY)).isTrue();
        assertThat(request.authorizationEquals("bearer " + KEY)).isFalse();
        assertThat(FAKE.apiKey().reveal()).isEqualTo(KEY);
        assertThat(FAKE.toString()).doesNotContain(KEY);
    }

    @Test
    void countsAndQueriesPerTaskAreAtHand() {
        TaskId first = api.submitPrompt("one");
        TaskId second = api.submitPrompt("two");
        api.query(first);
        api.query(first);
        api.query(second);
        assertThat(FAKE.submitCount()).isEqualTo(2);
        assertThat(FAKE.queriesFor(first)).hasSize(2);
        assertThat(FAKE.queriesFor(second)).hasSize(1);
        assertThat(FAKE.taskIds()).containsExactly(first, second);
        assertThat(FAKE.lastTaskId()).isEqualTo(second);
        assertThat(FAKE.requests()).hasSize(5);
    }

    @Test
    void theJournalViewAnswersLikeTheShortcutsOnTheFake() {
        TaskId id = api.submitPrompt("one");
        api.query(id);
        RequestJournal journal = FAKE.journal();
        assertThat(journal.submitCount()).isEqualTo(FAKE.submitCount()).isEqualTo(1);
        assertThat(journal.requestCount()).isEqualTo(FAKE.requestCount()).isEqualTo(2);
        assertThat(journal.queriesFor(id)).isEqualTo(FAKE.queriesFor(id)).hasSize(1);
        assertThat(journal.requests()).isEqualTo(FAKE.requests()).hasSize(2);
        assertThat(journal.droppedRequests()).isEqualTo(FAKE.droppedRequests()).isZero();
        assertThat(journal.takeRequest().isSubmit()).isTrue();
        assertThat(FAKE.takeRequest().isQueryOf(id)).as("the view and the fake take from one queue").isTrue();
    }

    @Test
    void takingARequestThatNeverComesFailsInsteadOfHanging() {
        assertThatThrownBy(() -> FAKE.takeRequest(Duration.ofMillis(50)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("no request");
        assertThatThrownBy(FAKE::lastTaskId).isInstanceOf(AssertionError.class);
    }

    @Test
    void aResetForgetsRequestsTasksAndScriptsButKeepsKeysAndPort() {
        FAKE.onEveryTask().failWith("before reset").finishImmediately();
        api.submitPrompt("x");
        ApiKey key = FAKE.apiKey();
        var url = FAKE.baseUrl();
        FAKE.reset();
        assertThat(FAKE.requests()).isEmpty();
        assertThat(FAKE.taskIds()).isEmpty();
        assertThat(FAKE.submitCount()).isZero();
        assertThat(FAKE.apiKey()).isEqualTo(key);
        assertThat(FAKE.baseUrl()).isEqualTo(url);
        TaskId fresh = api.submitPrompt("y");
        assertThat(FAKE.statusOf(fresh)).isEqualTo("pending");
        assertThat(FAKE.takeRequest().sequence()).isEqualTo(1);
    }

    @Test
    void theJournalStaysReadableAfterClose() {
        try (FakeGemPix2Backend own = FakeGemPix2Backend.builder().clock(new ManualClock()).start()) {
            new ApiCalls(own).submitPrompt("x");
            own.close();
            assertThat(own.submitCount()).isEqualTo(1);
            assertThat(own.toString()).contains("closed");
        }
    }
}
