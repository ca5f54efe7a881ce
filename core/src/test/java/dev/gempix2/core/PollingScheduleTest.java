package dev.gempix2.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gempix2.core.fakes.ScriptedGenerator;
import dev.gempix2.core.fakes.Tasks;
import dev.gempix2.core.fakes.TestClock;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskStatus;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When the client polls while it waits. */
class PollingScheduleTest {
    private final TestClock clock = new TestClock();
    private final ScriptedGenerator generator = new ScriptedGenerator();
    private final List<Duration> pollTimes = new ArrayList<>();

    PollingScheduleTest() {
        generator.submits().otherwiseReturn(TaskId.of("t1"));
        generator.queries().otherwise(id -> {
            pollTimes.add(clock.elapsed());
            return Tasks.at(id.value(), TaskStatus.IN_PROGRESS);
        });
    }

    @Test
    void theFirstPollComesAfterTwoSecondsThenIntervalsGrowByHalfUpToTenSeconds() {
        GemPix2Client client = TestClients.on(generator, clock).build();

        client.generateAsync(ImageRequest.of("a cat"));
        clock.advanceSeconds(50);

        assertThat(pollTimes).containsExactly(seconds(2), seconds(5), seconds(9.5), seconds(16.25),
                seconds(26.25), seconds(36.25), seconds(46.25));
    }

    @Test
    void aCustomPolicySetsTheSchedule() {
        PollingPolicy policy = PollingPolicy.builder().initialDelay(Duration.ofMillis(500)).multiplier(2)
                .maxInterval(Duration.ofSeconds(3)).build();
        GemPix2Client client = TestClients.on(generator, clock).pollingPolicy(policy).build();

        client.awaitAsync(TaskId.of("t1"));
        clock.advanceSeconds(10);

        assertThat(pollTimes).containsExactly(seconds(0.5), seconds(1.5), seconds(3.5), seconds(6.5), seconds(9.5));
    }

    @Test
    void withCallbacksOnPollingSlowsToTheSafetyInterval() {
        GemPix2Client client = TestClients.on(generator, clock)
                .callbackBaseUrl(URI.create("https://app.example/gempix2/callback")).build();

        client.generateAsync(ImageRequest.of("a cat"));
        clock.advanceSeconds(100);

        assertThat(pollTimes).containsExactly(seconds(30), seconds(60), seconds(90));
    }

    @Test
    void aTaskWithoutCallbackTokenIsPolledAtTheNormalPaceEvenWithCallbacksOn() {
        GemPix2Client client = TestClients.on(generator, clock)
                .callbackBaseUrl(URI.create("https://app.example/gempix2/callback")).build();

        client.awaitAsync(TaskId.of("submitted-elsewhere"));
        clock.advanceSeconds(6);

        assertThat(pollTimes).containsExactly(seconds(2), seconds(5));
    }

    @Test
    void onlyOneQueryIsInFlightAtATime() {
        GemPix2Client client = TestClients.on(generator, clock).build();
        var held = generator.queries().thenHold();

        client.awaitAsync(TaskId.of("t1"));
        clock.advanceSeconds(60);

        assertThat(generator.queries().count()).as("the next poll waits for the answer").isEqualTo(1);
        held.complete(Tasks.at("t1", TaskStatus.IN_PROGRESS));
        clock.advanceSeconds(3);
        assertThat(generator.queries().count()).isEqualTo(2);
    }

    private static Duration seconds(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }
}
