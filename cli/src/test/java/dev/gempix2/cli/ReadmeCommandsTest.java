package dev.gempix2.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The two commands at the top of the root README are what a newcomer types first. This reads them from the
 * README and checks that they do what its comments say: the main job builds the command line and runs
 * {@code generate} on the built-in fake (run here in-process, with the README's own arguments, through the
 * entry point the jar's manifest names), and {@code ./mvnw -B verify} is a build of every module.
 * {@code GemPix2JarIT} runs the jar itself, as a process.
 */
class ReadmeCommandsTest {
    /** Surefire runs in the module's folder; the README is one up. */
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern WORD = Pattern.compile("\"([^\"]*)\"|'([^']*)'|(\\S+)");
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @Test
    void theReadmeOpensWithTheMainJobAndThenTheCommandThatRunsEveryTest() throws IOException {
        assertThat(topCommands()).hasSize(2);
        assertThat(mainJob()).hasSize(2);
        assertThat(words(topCommands().get(1))).containsExactly("./mvnw", "-B", "verify");
    }

    @Test
    void theMainJobsBuildStepPackagesThisModuleAndWhatItNeedsWithoutTests() throws IOException {
        List<String> build = mainJob().get(0);
        assertThat(build).startsWith("./mvnw").contains("package", "-am", "-DskipTests");
        String module = build.get(build.indexOf("-pl") + 1);
        assertThat(ROOT.resolve(module).resolve("pom.xml")).isRegularFile();
        assertThat(ROOT.resolve(module)).isEqualTo(Path.of("").toAbsolutePath());
    }

    @Test
    void theMainJobRunsTheJarTheBuildMakesWhoseEntryPointIsMain() throws IOException {
        List<String> run = mainJob().get(1);
        assertThat(run.subList(0, 2)).containsExactly("java", "-jar");
        String pom = Files.readString(ROOT.resolve("cli/pom.xml"));
        String shaded = single(pom, "<outputFile>\\$\\{project.build.directory}/(.*?)</outputFile>");
        assertThat(ROOT.resolve(run.get(2)).normalize()).isEqualTo(ROOT.resolve("cli/target").resolve(shaded));
        assertThat(single(pom, "<mainClass>(.*?)</mainClass>")).isEqualTo(Main.class.getName());
    }

    @Test
    void theMainJobWritesAPngOfThePromptOnTheBuiltInFakeWhenNoKeyIsSet() throws IOException {
        List<String> arguments = mainJob().get(1).subList(3, mainJob().get(1).size());
        assertThat(arguments).first().isEqualTo("generate");

        boolean outputFolderWasThere = Files.isDirectory(Path.of("gempix2-output"));
        CommandRun run = CommandRun.of(Map.of(), arguments.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.err()).as(run.toString()).contains("built-in fake backend");
        Path written = Path.of(run.out().strip()).toAbsolutePath();
        try {
            assertThat(Path.of(run.out().strip()).toString()).matches("gempix2-output[/\\\\][A-Za-z0-9._-]+-1\\.png");
            try (InputStream png = Files.newInputStream(written)) {
                assertThat(png.readNBytes(PNG_SIGNATURE.length)).as("the start of " + written).isEqualTo(PNG_SIGNATURE);
            }
        } finally {
            Files.deleteIfExists(written);
            if (!outputFolderWasThere) {
                Files.deleteIfExists(written.getParent());
            }
        }
    }

    @Test
    void theTestCommandBuildsEveryModuleOfTheRepository() throws IOException {
        List<String> modules = new ArrayList<>();
        Matcher module = Pattern.compile("<module>(.*?)</module>").matcher(Files.readString(ROOT.resolve("pom.xml")));
        while (module.find()) {
            modules.add(module.group(1));
        }
        try (Stream<Path> folders = Files.list(ROOT)) {
            assertThat(modules).as("the root pom's modules: what ./mvnw -B verify builds and tests")
                    .containsExactlyInAnyOrderElementsOf(folders
                            .filter(folder -> Files.isRegularFile(folder.resolve("pom.xml")))
                            .map(folder -> folder.getFileName().toString()).toList());
        }
        assertThat(ROOT.resolve("mvnw")).isExecutable();
    }

    /** The main job: the build, then the run ({@code &&} between them), each split into words. */
    private static List<List<String>> mainJob() throws IOException {
        return Stream.of(topCommands().get(0).split("&&")).map(ReadmeCommandsTest::words).toList();
    }

    /** The commands of the README's first code block, without comments and blank lines. */
    private static List<String> topCommands() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        Matcher block = Pattern.compile("(?s)```bash\\n(.*?)```").matcher(readme);
        assertThat(block.find()).as("a ```bash block in README.md").isTrue();
        return block.group(1).lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }

    /** A command line split as the shell splits it (quotes removed). */
    private static List<String> words(String command) {
        List<String> words = new ArrayList<>();
        Matcher word = WORD.matcher(command);
        while (word.find()) {
            words.add(word.group(1) != null ? word.group(1) : word.group(2) != null ? word.group(2) : word.group(3));
        }
        return words;
    }

    private static String single(String text, String regex) {
        Matcher found = Pattern.compile(regex).matcher(text);
        assertThat(found.find()).as(regex).isTrue();
        String value = found.group(1);
        assertThat(found.find()).as("only one " + regex).isFalse();
        return value;
    }
}
