package dev.gempix2.benchmarks.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gempix2.core.model.ApiKey;
import dev.gempix2.core.model.TaskId;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Quarkus contender ({@code QuarkusContenderMain} of {@code benchmarks-quarkus}, a Quarkus application
 * built by its module into {@code target/quarkus-app}) in a JVM of its own, since Quarkus and Micronaut cannot
 * share one class path, and reads back its floor's and its own calls per second per round.
 */
final class QuarkusContender {
    /** Where the app is, relative to the repository's root (the report) or to this module (its tests). */
    private static final List<Path> CANDIDATES = List.of(
            Path.of("benchmarks-quarkus", "target", "quarkus-app", "quarkus-run.jar"),
            Path.of("..", "benchmarks-quarkus", "target", "quarkus-app", "quarkus-run.jar"));
    /** A system property naming the app's {@code quarkus-run.jar} elsewhere. */
    static final String APP_PROPERTY = "gempix2.benchmarks.quarkus-app";
    private static final String PREFIX = "figures=";
    /**
     * The child's warm-up outside smoke runs. It is a fresh JVM, and the REST Client's path (RESTEasy Reactive,
     * Vert.x, context propagation) is far more code for the JIT than the floor's: with the parent's 4 s warm-up its
     * rounds were still speeding up when measured (2.75x in the report of 2026-11-29 04:34; a standalone run of the
     * contender with 15 s of warm-up gave 1.36-1.52x, its rounds flat).
     */
    static final Duration CHILD_WARM_UP = Duration.ofSeconds(15);

    private QuarkusContender() {
    }

    /**
     * @param baseUrl the fake's base URL, on loopback
     * @param key the fake's API key (passed in the child's environment, never on its command line)
     * @param task the task both contenders query
     * @param settings warm-up and rounds
     * @param callers callers blocking back to back
     * @return {@code floor} and {@code quarkus}: calls per second per round, measured alternating in the child
     * @throws IOException when the child cannot be started or says nothing
     * @throws InterruptedException when interrupted while waiting for it
     */
    static Map<String, double[]> run(URI baseUrl, ApiKey key, TaskId task, ReportSettings settings, int callers)
            throws IOException, InterruptedException {
        Path app = app();
        Duration warmUp = settings.smoke() || settings.warmUp().compareTo(CHILD_WARM_UP) > 0 ? settings.warmUp()
                : CHILD_WARM_UP;
        Path out = Files.createTempFile("gempix2-quarkus-contender", ".out");
        Path err = Files.createTempFile("gempix2-quarkus-contender", ".err");
        try {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-Dquarkus.http.port=0",
                    "-Dquarkus.log.console.stderr=true", "-Dquarkus.log.level=WARN", "-Dquarkus.banner.enabled=false",
                    "-jar", app.toString(), task.value(), Long.toString(warmUp.toMillis()),
                    Integer.toString(settings.rounds()), Long.toString(settings.roundTime().toMillis()),
                    Integer.toString(callers)));
            if (settings.smoke()) {
                command.add(1, "-XX:TieredStopAtLevel=1");  // starts sooner; no figure of a smoke run counts
            }
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().put("GEMPIX2_BASE_URL", baseUrl.toString());
            builder.environment().put("GEMPIX2_API_KEY", key.reveal());
            Process process = builder.start();
            Duration limit = warmUp.multipliedBy(2)
                    .plus(settings.roundTime().multipliedBy(2L * settings.rounds())).plusSeconds(120);
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException("the Quarkus contender did not finish within " + limit + "; its output: "
                        + tail(err));
            }
            for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
                if (line.startsWith(PREFIX)) {
                    return figures(line.substring(PREFIX.length()));
                }
            }
            throw new IOException("the Quarkus contender exited with " + process.exitValue()
                    + " and printed no figures; its output: " + tail(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static Map<String, double[]> figures(String json) throws IOException {
        JsonNode tree = new ObjectMapper().readTree(json);
        Map<String, double[]> perSecond = new LinkedHashMap<>();
        for (String name : List.of("floor", "quarkus")) {
            JsonNode values = tree.path(name);
            if (!values.isArray() || values.isEmpty()) {
                throw new IOException("the Quarkus contender's figures have no '" + name + "' rounds: " + json);
            }
            double[] rounds = new double[values.size()];
            for (int i = 0; i < rounds.length; i++) {
                rounds[i] = values.get(i).asDouble();
            }
            perSecond.put(name, rounds);
        }
        return perSecond;
    }

    private static Path app() throws IOException {
        String configured = System.getProperty(APP_PROPERTY);
        if (configured != null) {
            Path app = Path.of(configured);
            if (!Files.isRegularFile(app)) {
                throw new IOException(APP_PROPERTY + " names " + app.toAbsolutePath() + ", which is not a file");
            }
            return app;
        }
        return CANDIDATES.stream().filter(Files::isRegularFile).findFirst().orElseThrow(() -> new IOException(
                "the Quarkus contender's app was not found at " + CANDIDATES + " (from " + Path.of("").toAbsolutePath()
                        + "); build it with ./mvnw -B -q -pl benchmarks -am package -DskipTests, run the report from "
                        + "the repository's root, or name its quarkus-run.jar with -D" + APP_PROPERTY));
    }

    private static String tail(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return text.length() <= 2_000 ? text : "..." + text.substring(text.length() - 2_000);
    }
}
