package dev.gempix2.examples.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Starts the packaged application as an operator would, without an API key. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class MissingApiKeyIT {

    @Test
    void withoutAnApiKeyTheApplicationRefusesToStartAndNamesTheKey() throws Exception {
        Path jar = Path.of(System.getProperty("app.jar", "target/quarkus-app/quarkus-run.jar"));
        assertThat(jar).exists();
        Path log = Files.createTempFile("quarkus-app", ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=0", "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("GEMPIX2_API_KEY");
        Process app = builder.start();
        try {
            boolean exited = app.waitFor(60, TimeUnit.SECONDS);

            String output = read(log);
            assertThat(exited).as("the application should stop by itself; its output:%n%s", output).isTrue();
            assertThat(app.exitValue()).isNotZero();
            assertThat(output).contains("gempix2.api-key is not set");
        } finally {
            app.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }

    private static String read(Path log) throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }
}
