package dev.gempix2.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gempix2.examples.ReadmeBlock.Kind;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each example app's README says how to run it from a fresh clone: install the SDK, start the standalone fake
 * backend, build and start the app, {@code curl} it. This runs the blocks the README marks
 * {@code <!-- run-in-test -->} as written, each in a new "terminal" at the repository root, after the
 * maven-invoker-plugin has built the apps (so it costs no build of its own): servers are started as processes
 * and awaited on their ports, {@code curl} is sent with the JDK's HTTP client, and its answer must have the
 * fields of the block marked {@code <!-- run-in-test: answer -->}. The ports the README names are swapped for
 * free ones. Two steps are checked rather than run, because the build running this test has just done them:
 * the SDK's install ({@code <!-- run-in-test: done-by-the-build -->}) and the app's {@code mvnw package}.
 */
class ReadmeCommandsIT {
    private static final Path ROOT = Path.of(System.getProperty("gempix2.root", "..")).toAbsolutePath().normalize();
    private static final Path EXAMPLES = ROOT.resolve("examples");
    /** Where the invoker built each app (a copy of {@code examples/<app>}). */
    private static final Path BUILT_APPS = Path.of(System.getProperty("gempix2.apps", "target/apps"))
            .toAbsolutePath().normalize();
    private static final Pattern PORT_IN_COMMAND = Pattern.compile("(?:--port |[A-Z_]*PORT=)(\\d+)");
    private static final Pattern JSON_FIELD = Pattern.compile("\"([A-Za-z_][A-Za-z0-9_]*)\"\\s*:");
    private static final Pattern GEMPIX2_DEPENDENCY = Pattern.compile(
            "<groupId>dev\\.gempix2</groupId>\\s*<artifactId>(gempix2-[a-z0-9-]+)</artifactId>");
    private static final Duration STARTUP = Duration.ofMinutes(3);
    private static final Duration ANSWER = Duration.ofMinutes(2);

    /** @return every folder under {@code examples/} that is an app (a pom.xml and a README.md) */
    static Stream<String> exampleApps() throws IOException {
        try (Stream<Path> folders = Files.list(EXAMPLES)) {
            return folders.filter(folder -> Files.isRegularFile(folder.resolve("pom.xml"))
                            && Files.isRegularFile(folder.resolve("README.md")))
                    .map(folder -> folder.getFileName().toString()).sorted().toList().stream();
        }
    }

    /** @return the apps the invoker built in this run ({@code -Dinvoker.test=micronaut-app} builds one) */
    static Stream<String> builtApps() throws IOException {
        return exampleApps().filter(app -> Files.isDirectory(BUILT_APPS.resolve(app).resolve("target")));
    }

    @Test
    void everyExampleAppsReadmeHasTheInstallTheRunCommandsAndTheAnswerMarked() throws IOException {
        assertThat(exampleApps()).as("the apps under " + EXAMPLES).isNotEmpty();
        for (String app : exampleApps().toList()) {
            List<Kind> kinds = ReadmeBlock.read(readme(app)).stream().map(ReadmeBlock::kind).toList();
            assertThat(kinds).as(app + "'s README.md: its marked blocks")
                    .startsWith(Kind.DONE_BY_THE_BUILD).contains(Kind.RUN).endsWith(Kind.ANSWER);
        }
        assertThat(builtApps()).as("the apps the invoker built under " + BUILT_APPS).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("exampleApps")
    void theReadmesInstallStepInstallsEveryGemPix2ArtifactTheAppNames(String app) throws IOException {
        List<String> install = blocks(app, Kind.DONE_BY_THE_BUILD).get(0).lines();
        assertThat(install).as("the install step of " + app).hasSize(1);
        ShellCommand command = ShellCommand.parse(install.get(0));
        assertThat(command.words()).as(install.get(0)).startsWith("./mvnw").contains("install", "-am");
        Set<String> installed = new LinkedHashSet<>();
        for (String module : command.option("-pl").split(",")) {
            Path pom = ROOT.resolve(module).resolve("pom.xml");
            assertThat(pom).as("module " + module + " of " + install.get(0)).isRegularFile();
            installed.add(artifactId(pom));
        }
        Matcher named = GEMPIX2_DEPENDENCY.matcher(Files.readString(EXAMPLES.resolve(app).resolve("pom.xml")));
        Set<String> needed = new LinkedHashSet<>();
        while (named.find()) {
            needed.add(named.group(1));
        }
        assertThat(needed).as(app + "'s gempix2 artifacts").isNotEmpty();
        assertThat(installed).as("what " + install.get(0) + " installs (with what they need, -am)")
                .containsAll(needed);
    }

    @ParameterizedTest
    @MethodSource("builtApps")
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void theReadmesCommandsRunTheAppAgainstTheFakeAndCurlGetsTheAnswerShown(String app) throws Exception {
        List<ReadmeBlock> blocks = ReadmeBlock.read(readme(app));
        Map<String, String> ports = freePortsFor(blocks);
        Path logs = Files.createDirectories(Path.of("target", "readme-runs", app).toAbsolutePath());
        Deque<ServerProcess> started = new ArrayDeque<>();
        HttpResponse<String> answer = null;
        try {
            for (ReadmeBlock block : blocks) {
                if (block.kind() == Kind.ANSWER) {
                    assertThat(answer).as("a curl before the answer in " + app + "'s README.md").isNotNull();
                    assertAnswerLike(answer, String.join("\n", block.lines()));
                }
                if (block.kind() != Kind.RUN) {
                    continue;
                }
                Path directory = ROOT;
                Map<String, String> exported = new HashMap<>();
                for (String line : block.lines()) {
                    ShellCommand command = ShellCommand.parse(withPorts(line, ports));
                    switch (command.program()) {
                        case "" -> exported.putAll(command.environment());
                        case "cd" -> {
                            directory = directory.resolve(command.words().get(1)).normalize();
                            assertThat(directory).as(line).isDirectory();
                        }
                        case "java" -> started.push(startServer(command, directory, exported,
                                logs.resolve(started.size() + ".log")));
                        case "curl" -> answer = HttpClient.newHttpClient().send(
                                CurlCommand.of(command).request(ANSWER), HttpResponse.BodyHandlers.ofString());
                        default -> {
                            assertThat(command.program()).as("a command the test knows how to run: " + line)
                                    .endsWith("mvnw");
                            assertIsThisAppsPackage(command, directory, app);
                        }
                    }
                }
            }
        } finally {
            while (!started.isEmpty()) {
                started.pop().close();
            }
        }
    }

    /** {@code ../../mvnw -B -q package -DskipTests} in the app's folder: what the invoker has just run (verify). */
    private static void assertIsThisAppsPackage(ShellCommand command, Path directory, String app) {
        assertThat(directory).as("where the README runs " + command.words()).isEqualTo(EXAMPLES.resolve(app));
        assertThat(directory.resolve(command.program()).normalize()).isEqualTo(ROOT.resolve("mvnw"));
        assertThat(command.words()).contains("package");
    }

    private static ServerProcess startServer(ShellCommand command, Path directory, Map<String, String> exported,
                                             Path output) throws IOException, InterruptedException {
        Map<String, String> environment = new LinkedHashMap<>(exported);
        environment.putAll(command.environment());
        String port = command.option("--port");
        if (port == null) {
            port = environment.entrySet().stream().filter(variable -> variable.getKey().endsWith("PORT"))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }
        assertThat(port).as("the port of " + command.words() + " (--port or a *_PORT variable)").isNotNull();
        Path where = built(directory);
        String jar = command.option("-jar");
        assertThat(where.resolve(jar)).as(jar + " in " + where + ": made by the README's build step").isRegularFile();
        List<String> words = new ArrayList<>(command.words());
        words.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ServerProcess server = ServerProcess.start(words, where, environment, output);
        try {
            server.awaitListening(Integer.parseInt(port), STARTUP);
        } catch (IOException | RuntimeException failed) {
            server.close();
            throw failed;
        }
        return server;
    }

    private static void assertAnswerLike(HttpResponse<String> answer, String shown) {
        assertThat(answer.statusCode()).as("status of " + answer.uri() + ", answering " + answer.body())
                .isEqualTo(200);
        Matcher field = JSON_FIELD.matcher(shown);
        List<String> fields = new ArrayList<>();
        while (field.find()) {
            fields.add(field.group(1));
        }
        assertThat(fields).as("the fields of the README's answer").isNotEmpty();
        for (String name : fields) {
            assertThat(answer.body()).as("the answer of " + answer.uri() + ": a field shown in the README")
                    .containsPattern("\"" + name + "\"\\s*:");
        }
    }

    /** The app's folder as the invoker built it; other folders (the repository root, the testkit) as they are. */
    private static Path built(Path directory) {
        if (directory.startsWith(EXAMPLES) && !directory.equals(EXAMPLES)) {
            return BUILT_APPS.resolve(EXAMPLES.relativize(directory));
        }
        return directory;
    }

    /** A free port for each port the README's commands name (a fake's {@code --port}, an app's {@code *_PORT}). */
    private static Map<String, String> freePortsFor(List<ReadmeBlock> blocks) throws IOException {
        Map<String, String> ports = new LinkedHashMap<>();
        for (ReadmeBlock block : blocks) {
            for (String line : block.lines()) {
                Matcher port = PORT_IN_COMMAND.matcher(line);
                while (port.find()) {
                    if (!ports.containsKey(port.group(1))) {
                        try (ServerSocket free = new ServerSocket(0)) {
                            ports.put(port.group(1), Integer.toString(free.getLocalPort()));
                        }
                    }
                }
            }
        }
        return ports;
    }

    private static String withPorts(String line, Map<String, String> ports) {
        String result = line;
        for (Map.Entry<String, String> port : ports.entrySet()) {
            result = result.replaceAll("(?<=[:= ])" + port.getKey() + "\\b", port.getValue());
        }
        return result;
    }

    private static List<ReadmeBlock> blocks(String app, Kind kind) throws IOException {
        return ReadmeBlock.read(readme(app)).stream().filter(block -> block.kind() == kind).toList();
    }

    private static Path readme(String app) {
        return EXAMPLES.resolve(app).resolve("README.md");
    }

    private static String artifactId(Path pom) throws IOException {
        String text = Files.readString(pom).replaceAll("(?s)<parent>.*?</parent>", "");
        Matcher artifact = Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(text);
        assertThat(artifact.find()).as("an artifactId in " + pom).isTrue();
        return artifact.group(1);
    }
}
