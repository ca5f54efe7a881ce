package dev.gempix2.micronaut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gempix2.core.GemPix2Client;
import dev.gempix2.core.defaults.InMemoryTaskRepository;
import dev.gempix2.core.defaults.SystemClock;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.port.Clock;
import dev.gempix2.core.port.ImageDownloader;
import dev.gempix2.core.port.ImageGenerator;
import dev.gempix2.core.port.TaskRepository;
import dev.gempix2.micronaut.internal.MicronautHttpTransport;
import io.micronaut.context.ApplicationContext;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class GemPix2BeansTest {
    private static final String KEY = "dk-beans-test-key-4321";

    @Test
    void theDefaultsAreMicronautsTransportAnInMemoryRepositoryAndTheSystemClock() {
        try (ApplicationContext context = ApplicationContext.run(properties())) {
            assertThat(context.getBean(GemPix2Client.class)).isNotNull();
            assertThat(context.getBean(ImageGenerator.class)).isInstanceOf(MicronautHttpTransport.class);
            assertThat(context.getBean(ImageDownloader.class)).isInstanceOf(MicronautHttpTransport.class);
            assertThat(context.getBean(TaskRepository.class)).isInstanceOf(InMemoryTaskRepository.class);
            assertThat(context.getBean(Clock.class)).isInstanceOf(SystemClock.class);
        }
    }

    @Test
    void everyKeyIsBoundFromTheApplicationsConfiguration() {
        Map<String, Object> properties = properties();
        properties.put("gempix2.base-url", "http://127.0.0.1:9/api-root");
        properties.put("gempix2.model", "google/gemini-2.5-flash-image");
        properties.put("gempix2.polling.initial-delay", "500ms");
        properties.put("gempix2.polling.max-interval", "3s");
        properties.put("gempix2.polling.wait-timeout", "1m");
        properties.put("gempix2.retry.max-retries", "5");
        properties.put("gempix2.callback.base-url", "https://app.example/hooks/gempix2");
        properties.put("gempix2.callback.path", "/hooks/gempix2");
        properties.put("gempix2.callback.verify", "false");

        try (ApplicationContext context = ApplicationContext.run(properties)) {
            GemPix2Configuration configuration = context.getBean(GemPix2Configuration.class);

            assertThat(configuration.apiKey().reveal()).isEqualTo(KEY);
            assertThat(configuration.getBaseUrl()).isEqualTo(URI.create("http://127.0.0.1:9/api-root"));
            assertThat(configuration.model().id()).isEqualTo("google/gemini-2.5-flash-image");
            assertThat(configuration.pollingPolicy().initialDelay()).isEqualTo(Duration.ofMillis(500));
            assertThat(configuration.pollingPolicy().maxInterval()).isEqualTo(Duration.ofSeconds(3));
            assertThat(configuration.pollingPolicy().waitTimeout()).isEqualTo(Duration.ofMinutes(1));
            assertThat(configuration.retryPolicy().maxRetries()).isEqualTo(5);
            assertThat(configuration.callbackBaseUrl()).contains(URI.create("https://app.example/hooks/gempix2"));
            assertThat(configuration.getCallback().getPath()).isEqualTo("/hooks/gempix2");
            assertThat(configuration.getCallback().isVerify()).isFalse();
        }
    }

    @Test
    void aMissingApiKeyFailsTheStartNamingTheKey() {
        Map<String, Object> properties = properties();
        properties.remove("gempix2.api-key");

        assertThatThrownBy(() -> ApplicationContext.run(properties).close())
                .hasStackTraceContaining("gempix2.api-key is not set");
    }

    @Test
    void aWrongDurationFailsTheStartNamingTheKey() {
        Map<String, Object> properties = properties();
        properties.put("gempix2.polling.max-interval", "0s");

        assertThatThrownBy(() -> ApplicationContext.run(properties).close())
                .hasStackTraceContaining("gempix2.polling.max-interval must be a positive duration");
    }

    @Test
    void theKeyNeverAppearsInAStartupFailure() {
        Map<String, Object> properties = properties();
        properties.put("gempix2.base-url", "not a url at all");

        assertThatThrownBy(() -> ApplicationContext.run(properties).close())
                .satisfies(failure -> assertThat(stackTraceOf(failure)).doesNotContain(KEY));
    }

    @Test
    void theApplicationsOwnPortsReplaceTheAdaptersDefaults() {
        Map<String, Object> properties = properties();
        properties.put("test.user-beans", "parts");

        try (ApplicationContext context = ApplicationContext.run(properties)) {
            assertThat(context.getBeansOfType(ImageGenerator.class)).singleElement().isInstanceOf(ScriptedGenerator.class);
            assertThat(context.getBeansOfType(ImageDownloader.class)).singleElement()
                    .isNotInstanceOf(MicronautHttpTransport.class);
            assertThat(context.getBeansOfType(TaskRepository.class)).singleElement()
                    .isInstanceOf(UserBeans.UserRepository.class);
            assertThat(context.getBeansOfType(Clock.class)).singleElement().isInstanceOf(UserBeans.FrozenClock.class);
        }
    }

    @Test
    void theAdaptersClientUsesTheApplicationsGenerator() throws Exception {
        Map<String, Object> properties = properties();
        properties.put("test.user-beans", "parts");

        try (ApplicationContext context = ApplicationContext.run(properties)) {
            TaskId id = context.getBean(GemPix2Client.class).submit(ImageRequest.of("a teapot"));

            assertThat(id).isEqualTo(TaskId.of("task-1"));
            assertThat(context.getBean(ScriptedGenerator.class).submitted()).hasSize(1);
        }
    }

    @Test
    void theApplicationsOwnClientReplacesTheAdaptersClient() {
        Map<String, Object> properties = properties();
        properties.put("test.user-beans", "client");

        try (ApplicationContext context = ApplicationContext.run(properties)) {
            assertThat(context.getBeansOfType(GemPix2Client.class)).hasSize(1);
            assertThat(context.getBeanDefinition(GemPix2Client.class).getDeclaringType())
                    .contains(UserBeans.class);
        }
    }

    @Test
    void stoppingTheApplicationClosesTheClientAndEndsItsWaits() throws Exception {
        Map<String, Object> properties = properties();
        properties.put("test.user-beans", "generator");
        CompletableFuture<?> wait;

        try (ApplicationContext context = ApplicationContext.run(properties)) {
            GemPix2Client client = context.getBean(GemPix2Client.class);
            wait = client.awaitAsync(client.submit(ImageRequest.of("a slow one")));
            assertThat(wait).isNotDone();
        }

        assertThat(wait).failsWithin(10, TimeUnit.SECONDS);
    }

    private static Map<String, Object> properties() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("gempix2.api-key", KEY);
        properties.put("gempix2.base-url", "http://127.0.0.1:9");
        return properties;
    }

    private static String stackTraceOf(Throwable failure) {
        java.io.StringWriter text = new java.io.StringWriter();
        failure.printStackTrace(new java.io.PrintWriter(text));
        return text.toString();
    }
}
