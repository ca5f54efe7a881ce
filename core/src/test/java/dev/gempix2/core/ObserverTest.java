package dev.gempix2.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gempix2.core.error.ServerException;
import dev.gempix2.core.fakes.ScriptedGenerator;
import dev.gempix2.core.fakes.Tasks;
import dev.gempix2.core.fakes.TestClock;
import dev.gempix2.core.internal.Observers;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskStatus;
import dev.gempix2.core.wire.AttemptHeaders;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Observers see each attempt, retry, status change and task end from core; their failures stay theirs. */
class ObserverTest {
    private final TestClock clock = new TestClock();
    private final ScriptedGenerator generator = new ScriptedGenerator();
    private final List<String> events = new CopyOnWriteArrayList<>();

    private final GemPix2Observer recorder = new GemPix2Observer() {
        @Override
        public TaskObservation taskStarted(TaskStarted event) {
            events.add("start generate=" + event.generate());
            return new TaskObservation() {
            };
        }

        @Override
        public AttemptObservation attemptStarted(AttemptStarted event, TaskObservation task) {
            events.add(event.operation().tag() + "#" + event.attempt() + (task == TaskObservation.NONE ? "" : " in task"));
            return new AttemptObservation() {
                @Override
                public Map<String, String> headers() {
                    return Map.of("traceparent", "00-test");
                }
            };
        }

        @Override
        public void attemptEnded(AttemptEnded event, AttemptObservation attempt) {
            events.add(event.operation().tag() + " " + event.outcome().tag() + " " + event.httpStatus());
        }

        @Override
        public void retryScheduled(RetryScheduled event) {
            events.add("retry " + event.reason() + " in " + event.delay().toMillis() + " ms");
        }

        @Override
        public void statusChanged(Task snapshot, TaskObservation task) {
            events.add("status " + snapshot.status().wireValue());
        }

        @Override
        public void taskEnded(TaskEnded event, TaskObservation task) {
            events.add("end " + event.outcome().tag() + " polls=" + event.polls() + " retries=" + event.retries()
                    + " took " + event.duration().toSeconds() + " s");
        }
    };

    @Test
    void aGenerateReportsItsAttemptsRetriesStatusChangesAndEndInOrder() {
        GemPix2Client client = TestClients.on(generator, clock).observer(recorder).build();
        generator.submits().thenReturn(TaskId.of("t1"));
        generator.queries().thenFail(new ServerException(500, 500, "boom", null, null))
                .thenReturn(Tasks.at("t1", TaskStatus.IN_PROGRESS)).thenReturn(Tasks.success("t1"));

        CompletableFuture<Task> result = client.generateAsync(ImageRequest.of("a cat"));
        clock.advanceSeconds(30);

        assertThat(result).isCompleted();
        assertThat(events).containsExactly(
                "start generate=true",
                "submit#1 in task", "submit success OptionalInt[200]",
                "query#1 in task", "query server_error OptionalInt[500]", "retry 500 in 375 ms",
                "query#2 in task", "query success OptionalInt[200]", "status in_progress",
                "query#1 in task", "query success OptionalInt[200]", "status success",
                "end success polls=3 retries=1 took 5 s");
    }

    @Test
    void theHeadersAnObserverReturnsAreSetForTheTransportDuringTheAttempt() {
        List<Map<String, String>> seen = new CopyOnWriteArrayList<>();
        generator.submits().thenAnswer(request -> {
            seen.add(AttemptHeaders.current());
            return TaskId.of("t1");
        });
        GemPix2Client client = TestClients.on(generator, clock).observer(recorder).build();

        client.submit(ImageRequest.of("a cat"));

        assertThat(seen).containsExactly(Map.of("traceparent", "00-test"));
        assertThat(AttemptHeaders.current()).isEmpty();
    }

    @Test
    void anObserverThatThrowsEverywhereChangesNoOutcome() {
        GemPix2Observer broken = new GemPix2Observer() {
            @Override
            public TaskObservation taskStarted(TaskStarted event) {
                throw new IllegalStateException("observer bug");
            }

            @Override
            public AttemptObservation attemptStarted(AttemptStarted event, TaskObservation task) {
                throw new IllegalStateException("observer bug");
            }

            @Override
            public void attemptEnded(AttemptEnded event, AttemptObservation attempt) {
                throw new IllegalStateException("observer bug");
            }

            @Override
            public void statusChanged(Task snapshot, TaskObservation task) {
                throw new IllegalStateException("observer bug");
            }

            @Override
            public void taskEnded(TaskEnded event, TaskObservation task) {
                throw new IllegalStateException("observer bug");
            }
        };
        GemPix2Client client = TestClients.on(generator, clock).observer(broken).observer(recorder).build();
        generator.submits().thenReturn(TaskId.of("t1"));
        generator.queries().thenReturn(Tasks.success("t1"));

        CompletableFuture<Task> result = client.generateAsync(ImageRequest.of("a cat"));
        clock.advanceSeconds(5);

        assertThat(result).isCompletedWithValueMatching(task -> task.status() == TaskStatus.SUCCESS);
        assertThat(events).last().isEqualTo("end success polls=1 retries=0 took 2 s");
    }

    @Test
    void aWaitThatTimesOutEndsTheTaskAsTimedOut() {
        GemPix2Client client = TestClients.on(generator, clock).observer(recorder).build();
        generator.queries().otherwiseReturn(Tasks.at("t9", TaskStatus.IN_PROGRESS));

        CompletableFuture<Task> result = client.awaitAsync(TaskId.of("t9"), Duration.ofSeconds(10));
        clock.advanceSeconds(11);

        assertThat(result).isCompletedExceptionally();
        assertThat(events).first().isEqualTo("start generate=false");
        assertThat(events).last().asString().startsWith("end timed_out");
    }

    @Test
    void withoutObserversTheAttemptIsPassedThroughUnwrapped() {
        Observers none = new Observers(List.of(), clock, generator);
        Supplier<CompletableFuture<Object>> attempt = CompletableFuture::new;

        assertThat(none.attempts(GemPix2Observer.Operation.QUERY, TaskId.of("t1"), null, attempt)).isSameAs(attempt);
        assertThat(none.startGenerate(ImageRequest.of("a cat").model())).isNull();
    }
}
