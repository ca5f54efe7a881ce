package dev.gempix2.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.gempix2.core.model.ApiKey;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.port.ImageGenerator;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** The contract is not a formality: a transport that breaks it fails the tests that pin what it broke. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ContractCatchesBrokenTransportsTest {

    @Test
    void aTransportThatRetriesAndSpellsTheSchemeInLowerCaseFailsThoseTests() {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(SloppyTransportContract.class)).build(), listener);
        TestExecutionSummary summary = listener.getSummary();
        Set<String> failed = summary.getFailures().stream()
                .map(failure -> failure.getTestIdentifier().getSource().orElseThrow())
                .filter(MethodSource.class::isInstance)
                .map(source -> ((MethodSource) source).getMethodName())
                .collect(Collectors.toSet());
        assertThat(failed).contains("everyRequestCarriesTheAuthorizationHeaderExactlyAsBearerAndTheKey",
                "aServerErrorIsServerExceptionWithItsStatusAndIsSentExactlyOnce");
        assertThat(summary.getTestsSucceededCount()).as("the rest still passes").isGreaterThan(15);
    }

    static class SloppyTransportContract extends ImageGeneratorContract {
        @Override
        protected ImageGenerator create(URI baseUrl, ApiKey key, Duration responseTimeout) {
            ImageGenerator sloppy = new JdkHttpTransport(baseUrl, key, responseTimeout, "bearer");
            return new ImageGenerator() {
                @Override
                public CompletableFuture<TaskId> submit(ImageRequest request) {
                    return sloppy.submit(request).exceptionallyCompose(failure -> sloppy.submit(request));
                }

                @Override
                public CompletableFuture<Task> query(TaskId id) {
                    return sloppy.query(id);
                }
            };
        }
    }
}
