package dev.gempix2.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.gempix2.testkit.FakeGemPix2Backend;
import dev.gempix2.testkit.ManualClock;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** Runs small test classes that use the extension through the JUnit launcher and checks what they saw. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FakeGemPix2ExtensionTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void eachTestGetsTheClassesFakeFreshlyResetAndItIsClosedAfterTheClass() throws Exception {
        TestExecutionSummary summary = run(UsesExtendWith.class);
        assertThat(summary.getTestsSucceededCount()).as(failures(summary)).isEqualTo(2);
        assertThat(UsesExtendWith.SEEN).hasSize(2);
        assertThat(UsesExtendWith.SEEN.get(0)).isSameAs(UsesExtendWith.SEEN.get(1));
        assertThat(refusesConnections(UsesExtendWith.SEEN.get(0).baseUrl())).as("closed after the class").isTrue();
    }

    @Test
    void aRegisteredExtensionWithAManualClockInjectsThatClock() {
        TestExecutionSummary summary = run(UsesManualClock.class);
        assertThat(summary.getTestsSucceededCount()).as(failures(summary)).isEqualTo(1);
    }

    @Test
    void askingForAManualClockOfARealTimeFakeFailsWithAnExplanation() {
        TestExecutionSummary summary = run(AsksForAMissingClock.class);
        assertThat(summary.getTestsFailedCount()).isEqualTo(1);
        assertThat(summary.getFailures().get(0).getException()).hasMessageContaining("withManualClock()");
    }

    private static TestExecutionSummary run(Class<?> testClass) {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(testClass)).build(), listener);
        return listener.getSummary();
    }

    private static String failures(TestExecutionSummary summary) {
        StringBuilder text = new StringBuilder();
        summary.getFailures().forEach(failure -> text.append(failure.getException()).append('\n'));
        return text.toString();
    }

    private static boolean refusesConnections(URI baseUrl) throws InterruptedException {
        try {
            HTTP.send(HttpRequest.newBuilder(baseUrl.resolve("/api/task/query?task_id=x"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
            return false;
        } catch (ConnectException refused) {
            return true;
        } catch (IOException other) {
            return true;
        }
    }

    @ExtendWith(FakeGemPix2Extension.class)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class UsesExtendWith {
        static final List<FakeGemPix2Backend> SEEN = new CopyOnWriteArrayList<>();

        @Test
        @Order(1)
        void firstLeavesATaskBehind(FakeGemPix2Backend fake) throws Exception {
            SEEN.add(fake);
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(fake.baseUrl().resolve("/api/image/gen"))
                    .header("Authorization", fake.apiKey().authorizationHeader())
                    .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"google/gempix2\",\"prompt\":\"x\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            fake.onEveryTask().failWith("left behind");
            assertThat(fake.submitCount()).isEqualTo(1);
        }

        @Test
        @Order(2)
        void secondStartsFromNothing(FakeGemPix2Backend fake) {
            SEEN.add(fake);
            assertThat(fake.requests()).isEmpty();
            assertThat(fake.taskIds()).isEmpty();
        }
    }

    static class UsesManualClock {
        @RegisterExtension
        static final FakeGemPix2Extension FAKE = FakeGemPix2Extension.withManualClock();

        @Test
        void theClockIsTheFakesClock(FakeGemPix2Backend fake, ManualClock clock) {
            assertThat(fake.clock()).isSameAs(clock);
            assertThat(FAKE.toString()).isNotBlank();
        }
    }

    @ExtendWith(FakeGemPix2Extension.class)
    static class AsksForAMissingClock {
        @Test
        void wantsAClock(ManualClock clock) {
            assertThat(clock).isNotNull();
        }
    }
}
