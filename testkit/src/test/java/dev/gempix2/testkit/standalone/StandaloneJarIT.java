package dev.gempix2.testkit.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Starts {@code target/gempix2-testkit.jar} as its own process and talks to it over HTTP, as curl would. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StandaloneJarIT {
    private static final String KEY = "dk-standalone-test-0001";
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void theJarServesTheApiOnThePortItPrints() throws Exception {
        Process process = start("--port", "0", "--api-key", KEY, "--stage-duration", "0s");
        try {
            URI baseUrl = URI.create(firstLineMatching(process));
            HttpResponse<String> submitted = http.send(HttpRequest.newBuilder(baseUrl.resolve("/api/image/gen"))
                    .header("Authorization", "Bearer " + KEY)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"google/gempix2\",\"prompt\":\"a kite\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(submitted.statusCode()).isEqualTo(200);
            assertThat(submitted.body()).startsWith("{\"code\":0,\"message\":\"ok\",\"data\":{\"task_id\":\"ta");
            String taskId = submitted.body().replaceAll(".*\"task_id\":\"([^\"]+)\".*", "$1");

            HttpResponse<String> queried = http.send(HttpRequest.newBuilder(
                            baseUrl.resolve("/api/task/query?task_id=" + taskId))
                    .header("Authorization", "Bearer " + KEY).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(queried.statusCode()).isEqualTo(200);
            assertThat(queried.body()).contains("\"status\":\"success\"", "/files/" + taskId + "/1.png");
        } finally {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void theJarHoldsNoJunitSinceTheFakeNeedsNone() throws IOException {
        String jar = System.getProperty("gempix2.testkit.jar", "target/gempix2-testkit.jar");
        try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar)) {
            assertThat(file.stream().map(java.util.jar.JarEntry::getName))
                    .noneMatch(name -> name.startsWith("org/junit/") || name.startsWith("org/opentest4j/"));
        }
    }

    @Test
    void aBadArgumentIsExplainedWithExitStatus2() throws Exception {
        Process process = start("--port", "not-a-port");
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(errors).contains("--port must be a number from 0 to 65535, not 'not-a-port'", "--help");
    }

    @Test
    void helpDescribesEveryOption() throws Exception {
        Process process = start("--help");
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String help = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).isZero();
        assertThat(help).contains("--port", "--api-key", "--stage-duration", "--image-mode", "--host");
    }

    private static Process start(String... args) throws IOException {
        String jar = System.getProperty("gempix2.testkit.jar", "target/gempix2-testkit.jar");
        assertThat(Files.isRegularFile(Path.of(jar))).as("the standalone jar %s exists (built at package)", jar).isTrue();
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-jar", jar));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).start();
    }

    private static String firstLineMatching(Process process) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> url = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    Matcher matcher = LISTENING.matcher(line);
                    if (matcher.find()) {
                        return matcher.group(1);
                    }
                }
                throw new IllegalStateException("the jar ended without saying where it listens");
            } catch (IOException failed) {
                throw new IllegalStateException(failed);
            }
        });
        return url.get(30, TimeUnit.SECONDS);
    }
}
