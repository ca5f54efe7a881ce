package dev.gempix2.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The two commands at the top of the root README are what a newcomer types first: they must stay exactly the
 * ones this module makes work (the subprocess test {@code GemPix2JarIT} runs the jar at the same path).
 */
class ReadmeCommandsTest {
    static final String MAIN_JOB = "./mvnw -q -B -pl cli -am package -DskipTests && java -jar cli/target/gempix2.jar"
            + " generate \"a lighthouse at dawn, oil painting\"";
    static final String TESTS = "./mvnw -B verify";

    /** Surefire runs in the module's folder; the README is one up. */
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void theReadmeOpensWithTheMainJobAndThenTheTests() throws IOException {
        assertThat(topCommands()).containsExactly(MAIN_JOB, TESTS);
    }

    @Test
    void theMainJobBuildsOnlyThisModuleAndWhatItNeedsWithoutTests() {
        assertThat(MAIN_JOB).contains(" -pl cli ", " -am ", " package ", " -DskipTests ");
        assertThat(ROOT.resolve("cli/pom.xml")).exists();
    }

    @Test
    void theJarTheMainJobRunsIsTheOneThisModuleBuilds() throws IOException {
        Matcher jar = Pattern.compile("java -jar (\\S+) ").matcher(MAIN_JOB);
        assertThat(jar.find()).isTrue();
        String shadeOutput = Files.readString(ROOT.resolve("cli/pom.xml"))
                .replaceAll("(?s).*<outputFile>(.*?)</outputFile>.*", "$1")
                .replace("${project.build.directory}", "cli/target");

        assertThat(jar.group(1)).isEqualTo(shadeOutput).isEqualTo("cli/target/gempix2.jar");
    }

    @Test
    void theSubcommandTheMainJobRunsExists() {
        assertThat(MAIN_JOB).contains("gempix2.jar generate ");
        assertThat(Main.commandLine(Map.of()).getSubcommands()).containsKey("generate");
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
}
