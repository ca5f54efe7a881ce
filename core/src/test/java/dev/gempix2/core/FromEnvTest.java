package dev.gempix2.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gempix2.core.error.ConfigurationException;
import dev.gempix2.core.error.GemPix2Exception;
import dev.gempix2.core.fakes.ScriptedProvider;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.TaskId;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code GemPix2Client.fromEnv()}: the key, the base URL and the transport found on the class path. */
class FromEnvTest {
    private static final String KEY = "dk-0123456789abcdef";

    @Test
    void aMissingKeyIsAnErrorNamingTheVariable() {
        assertThatThrownBy(() -> GemPix2Client.fromEnv(Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("GEMPIX2_API_KEY is not set: ");
        assertThatThrownBy(() -> GemPix2Client.fromEnv(Map.of("GEMPIX2_API_KEY", "  ")))
                .hasMessageContaining("GEMPIX2_API_KEY");
    }

    @Test
    void theBaseUrlDefaultsToDefapi() {
        try (GemPix2Client client = GemPix2Client.fromEnv(Map.of("GEMPIX2_API_KEY", KEY))) {
            assertThat(ScriptedProvider.lastBaseUrl()).isEqualTo(URI.create("https://api.defapi.org"));
            assertThat(ScriptedProvider.lastKey().reveal()).isEqualTo(KEY);
        }
    }

    @Test
    void theBaseUrlComesFromTheEnvironment() {
        try (GemPix2Client client = GemPix2Client.fromEnv(Map.of("GEMPIX2_API_KEY", KEY,
                "GEMPIX2_BASE_URL", "http://localhost:8089"))) {
            assertThat(ScriptedProvider.lastBaseUrl()).isEqualTo(URI.create("http://localhost:8089"));
        }
    }

    @Test
    void aMalformedBaseUrlIsAnErrorNamingTheVariable() {
        assertThatThrownBy(() -> GemPix2Client.fromEnv(Map.of("GEMPIX2_API_KEY", KEY, "GEMPIX2_BASE_URL", "not a url")))
                .isInstanceOf(GemPix2Exception.class)
                .hasMessageContaining("GEMPIX2_BASE_URL").hasMessageContaining("not a url");
        assertThatThrownBy(() -> GemPix2Client.fromEnv(Map.of("GEMPIX2_API_KEY", KEY, "GEMPIX2_BASE_URL",
                "ftp://example.com"))).hasMessageContaining("GEMPIX2_BASE_URL");
    }

    @Test
    void aBadValueOfAnyOtherVariableFailsNamingIt() {
        assertThatThrownBy(() -> GemPix2Client.fromEnv(Map.of("GEMPIX2_API_KEY", KEY,
                "GEMPIX2_POLLING_WAIT_TIMEOUT", "nonsense")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("GEMPIX2_POLLING_WAIT_TIMEOUT must be a duration");
    }

    @Test
    void theTransportWithTheHighestPriorityIsUsedAndClosedWithTheClient() {
        GemPix2Client client = GemPix2Client.fromEnv(Map.of("GEMPIX2_API_KEY", KEY));
        var generator = ScriptedProvider.lastGenerator();
        generator.submits().thenReturn(TaskId.of("t1"));

        assertThat(client.submit(ImageRequest.of("a cat"))).isEqualTo(TaskId.of("t1"));
        client.close();

        assertThat(generator.isClosed()).as("fromEnv created it, so close closes it").isTrue();
    }

    @Test
    void withoutATransportOnTheClassPathTheErrorNamesTheArtifactToAdd() {
        Thread thread = Thread.currentThread();
        ClassLoader original = thread.getContextClassLoader();
        thread.setContextClassLoader(new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader()));
        try {
            assertThatThrownBy(() -> GemPix2Client.fromEnv(Map.of("GEMPIX2_API_KEY", KEY)))
                    .isInstanceOf(GemPix2Exception.class)
                    .hasMessageContaining("dev.gempix2:gempix2-transport-httpclient5");
        } finally {
            thread.setContextClassLoader(original);
        }
    }
}
