package dev.gempix2.examples.micronaut;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class StartupTest {

    @Test
    void withoutAnApiKeyTheAppRefusesToStartAndNamesTheKey() {
        // Blank overrides a GEMPIX2_API_KEY that a developer's shell may hold; the adapter treats both alike.
        Map<String, Object> noKey = Map.of("micronaut.server.port", -1, "gempix2.api-key", "");

        assertThatThrownBy(() -> ApplicationContext.run(EmbeddedServer.class, noKey).close())
                .hasStackTraceContaining("gempix2.api-key is not set");
    }
}
