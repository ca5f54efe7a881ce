package dev.gempix2.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gempix2.testkit.FakeGemPix2Backend;
import dev.gempix2.testkit.junit.FakeGemPix2Extension;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar, run as a newcomer runs it: {@code java -jar cli/target/gempix2.jar ...} in its own process
 * (so after {@code package}: failsafe runs this class). Scripted scenarios use a fake backend in this JVM,
 * reached through the environment.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class GemPix2JarIT {
    private static final Path JAR = Path.of(System.getProperty("gempix2.jar", "target/gempix2.jar")).toAbsolutePath();
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    /** Start-up flags for short-lived JVMs: each run here is a few seconds, a quarter of it saved by these. */
    private static final List<String> QUICK_JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    @RegisterExtension
    static final FakeGemPix2Extension FAKE = FakeGemPix2Extension.configured(
            () -> FakeGemPix2Backend.builder().stageDuration(Duration.ofMillis(50)));

    @TempDir
    Path workDir;

    private static Map<String, String> apiOf(FakeGemPix2Backend fake) {
        return Map.of("GEMPIX2_API_KEY", fake.apiKey().reveal(), "GEMPIX2_BASE_URL", fake.baseUrl().toString());
    }

    @Test
    void theJarIsWhereTheReadmeRunsIt() throws IOException {
        assertThat(Path.of("..", "cli/target/gempix2.jar").toRealPath()).isEqualTo(JAR.toRealPath());
    }

    @Test
    void theJarHoldsNoJunitSinceTheFakeNeedsNone() throws IOException {
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(JAR.toFile())) {
            assertThat(jar.stream().map(java.util.jar.JarEntry::getName))
                    .noneMatch(name -> name.startsWith("org/junit/") || name.startsWith("org/opentest4j/"));
        }
    }

    @Test
    void theReadmeCommandWritesADecodablePngOnTheBuiltInFake() throws Exception {
        ProcessRun run = run(Map.of(), "generate", "a lighthouse at dawn, oil painting");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.out().lines()).singleElement().asString().matches("gempix2-output[/\\\\][A-Za-z0-9._-]+-1\\.png");
        Path png = workDir.resolve(run.out().strip());
        assertThat(ImageIO.read(png.toFile())).as("a decodable PNG at " + png).isNotNull();
        assertThat(run.err().lines().filter(line -> line.contains("built-in fake backend"))).hasSize(1);
        assertThat(run.err()).doesNotContain("SLF4J").doesNotContain("stopped");
    }

    @Test
    void aFailedTaskExitsWithOneAndTheReasonWithoutAStackTrace(FakeGemPix2Backend fake) throws Exception {
        fake.onPrompt("forbidden fox").failWith("prompt violates the content policy");

        ProcessRun run = run(apiOf(fake), "generate", "forbidden fox", "--poll-interval", "50ms");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.TASK_FAILED);
        assertThat(run.err()).contains("failed: prompt violates the content policy").doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aBadKeyExitsWithThree(FakeGemPix2Backend fake) throws Exception {
        ProcessRun run = run(Map.of("GEMPIX2_API_KEY", "dk-notthekey000000wxyz", "GEMPIX2_BASE_URL",
                fake.baseUrl().toString()), "generate", "a red fox");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.AUTHENTICATION);
        assertThat(run.err()).contains("rejected the API key").doesNotContain("notthekey").doesNotContain("\tat ");
    }

    @Test
    void jsonOnStdoutParsesWhileProgressGoesToStderr(FakeGemPix2Backend fake) throws Exception {
        ProcessRun run = run(apiOf(fake), "generate", "a red fox", "--json", "--poll-interval", "50ms");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("task_id").asText()).isEqualTo(fake.lastTaskId().value());
        assertThat(workDir.resolve(json.get("images").get(0).get("file").asText())).exists();
        assertThat(run.err()).contains("task " + fake.lastTaskId().value() + ": success");
    }

    @Test
    void aFifthImageIsRefusedWithTwoBeforeAnyRequest(FakeGemPix2Backend fake) throws Exception {
        List<String> args = new ArrayList<>(List.of("generate", "five references"));
        for (int i = 1; i <= 5; i++) {
            args.addAll(List.of("--image", "https://example.com/" + i + ".png"));
        }

        ProcessRun run = run(apiOf(fake), args.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("at most 4");
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void fakeServerServesAnotherProcessUntilItIsStopped() throws Exception {
        Process server = start(Map.of(), "fake-server", "--stage-duration", "50ms");
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            Map<String, String> printed = new HashMap<>();
            for (int i = 0; i < 2; i++) {
                String line = CompletableFuture.supplyAsync(() -> readLine(lines)).get(60, TimeUnit.SECONDS);
                assertThat(line).as("a line of fake-server's stdout").contains("=");
                printed.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
            assertThat(printed).containsOnlyKeys("GEMPIX2_BASE_URL", "GEMPIX2_API_KEY");
            assertThat(printed.get("GEMPIX2_BASE_URL")).startsWith("http://127.0.0.1:");

            ProcessRun run = run(printed, "generate", "a fox in another shell", "--poll-interval", "50ms");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
            assertThat(ImageIO.read(workDir.resolve(run.out().strip()).toFile())).isNotNull();
        } finally {
            server.destroy();
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).as("fake-server stops on SIGTERM").isTrue();
        }
    }

    private static String readLine(BufferedReader reader) {
        try {
            return reader.readLine();
        } catch (IOException failed) {
            throw new java.io.UncheckedIOException(failed);
        }
    }

    private Process start(Map<String, String> environment, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(JAVA));
        command.addAll(QUICK_JVM);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("GEMPIX2_"));
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** Runs the jar to the end; output goes to files, so that a full pipe can never block it. */
    private ProcessRun run(Map<String, String> environment, String... args) throws Exception {
        Path out = Files.createTempFile(workDir, "stdout", ".txt");
        Path err = Files.createTempFile(workDir, "stderr", ".txt");
        List<String> command = new ArrayList<>(List.of(JAVA));
        command.addAll(QUICK_JVM);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("GEMPIX2_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("java -jar gempix2.jar " + String.join(" ", args) + " did not end within 90 s");
        }
        return new ProcessRun(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private record ProcessRun(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
