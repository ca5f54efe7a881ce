package dev.gempix2.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gempix2.core.GemPix2Observer;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskStatus;
import dev.gempix2.testkit.Fault;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** An observer that throws at every event changes neither the outcome nor what the other observers record. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ThrowingObserverTest {

    @Test
    void anObserverThatThrowsEverywhereChangesNoOutcomeAndNoOtherObserversMeters() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (ObservedFake run = new ObservedFake(new Throwing(), GemPix2Metrics.create(registry))) {
            run.fake.onPrompt("flaky").onQuery(Fault.status(500), 1);

            Task task = run.client.generate(ImageRequest.of("a flaky fox"));
            run.client.download(task.images().get(0));

            assertThat(task.status()).isEqualTo(TaskStatus.SUCCESS);
            assertThat(registry.get("gempix2.tasks.duration").tag("status", "success").timer().count()).isEqualTo(1);
            assertThat(registry.get("gempix2.retries").counter().count()).isEqualTo(1);
            assertThat(registry.get("gempix2.downloads.size").summary().count()).isEqualTo(1);
            assertThat(run.fake.requests()).allSatisfy(request -> assertThat(request.header("boom")).isEmpty());
        }
    }

    /** Throws from every method, headers included. */
    private static final class Throwing implements GemPix2Observer {
        @Override
        public TaskObservation taskStarted(TaskStarted event) {
            throw new IllegalStateException("observer bug");
        }

        @Override
        public AttemptObservation attemptStarted(AttemptStarted event, TaskObservation task) {
            return new AttemptObservation() {
                @Override
                public Map<String, String> headers() {
                    throw new IllegalStateException("observer bug");
                }
            };
        }

        @Override
        public void attemptEnded(AttemptEnded event, AttemptObservation attempt) {
            throw new IllegalStateException("observer bug");
        }

        @Override
        public void retryScheduled(RetryScheduled event) {
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
    }
}
