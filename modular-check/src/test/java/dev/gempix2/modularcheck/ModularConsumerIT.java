package dev.gempix2.modularcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A modular application, as a user on the module path writes it: {@code requires dev.gempix2.core} and the
 * HttpClient 5 transport (by their module names) compiles and generates against the fake; importing
 * {@code dev.gempix2.core.internal} does not compile.
 */
@Timeout(60)
class ModularConsumerIT {

    private static final Path SOURCES = Path.of(System.getProperty("gempix2.consumer.sources"));
    private static final Path WORK = Path.of(System.getProperty("gempix2.consumer.work"));
    private static final String MODULE_PATH = System.getProperty("gempix2.consumer.module-path");
    /** The JDK modules the testkit's fake uses (jdeps): its server, its PNGs, its callbacks, its log. */
    private static final String FAKE_JDK_MODULES = "jdk.httpserver,java.desktop,java.net.http,java.logging";

    @Test
    void theConsumerModuleCompilesOnTheModulePathAndGeneratesAgainstTheFake() throws Exception {
        Path classes = WORK.resolve("classes");
        assertThat(compile(SOURCES, classes)).as("compiler errors").isEmpty();

        List<String> output = run(classes, "dev.gempix2.modularcheck.consumer/"
                + "dev.gempix2.modularcheck.consumer.GenerateOnTheModulePath");

        assertThat(output).contains(
                "status=success",
                "images=1",
                "consumer=dev.gempix2.modularcheck.consumer",
                "core=dev.gempix2.core",
                "core.internal exported=false");
    }

    @Test
    void aModuleThatImportsCoreInternalDoesNotCompile() throws IOException {
        Path sources = WORK.resolve("leaky-src");
        write(sources.resolve("module-info.java"), "module leaky { requires dev.gempix2.core; }");
        write(sources.resolve("leaky/Leak.java"), "package leaky;\n"
                + "import dev.gempix2.core.internal.TransportDiscovery;\n"
                + "public class Leak { Object finder = TransportDiscovery.class; }\n");

        List<String> errors = compile(sources, WORK.resolve("leaky-classes"));

        assertThat(errors).anySatisfy(error -> assertThat(error)
                .contains("package dev.gempix2.core.internal is not visible")
                .contains("declared in module dev.gempix2.core, which does not export it"));
    }

    /** Compiles every source under {@code sources} as one module; returns the error messages. */
    private static List<String> compile(Path sources, Path classes) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Files.createDirectories(classes);
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8);
             Stream<Path> tree = Files.walk(sources)) {
            // Only the module path: not this test's class path, where core's internals sit in the unnamed module.
            files.setLocation(StandardLocation.CLASS_PATH, List.of());
            List<File> units = tree.filter(file -> file.toString().endsWith(".java")).map(Path::toFile)
                    .collect(Collectors.toList());
            List<String> options = List.of("--release", "17", "--module-path", MODULE_PATH,
                    "-d", classes.toString(), "-proc:none");
            boolean compiled = javac.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromFiles(units)).call();
            List<String> errors = diagnostics.getDiagnostics().stream()
                    .filter(diagnostic -> diagnostic.getKind() == Diagnostic.Kind.ERROR)
                    .map(diagnostic -> diagnostic.getMessage(Locale.ROOT))
                    .collect(Collectors.toList());
            assertThat(compiled).as("compiled, with errors %s", errors).isEqualTo(errors.isEmpty());
            return errors;
        }
    }

    /** Runs the main class of the consumer module in a new JVM on the module path; returns its stdout lines. */
    private static List<String> run(Path classes, String moduleAndMain) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Djava.awt.headless=true",
                "--module-path", classes + File.pathSeparator + MODULE_PATH,
                // Automatic modules declare no requires: their explicit dependencies (Jackson) and the JDK
                // modules the fake uses are added to the boot layer by name, as a modular app's launcher does.
                "--add-modules", "ALL-MODULE-PATH," + FAKE_JDK_MODULES,
                "--module", moduleAndMain));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (InputStream out = process.getInputStream()) {
            String output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the consumer ended").isTrue();
            assertThat(process.exitValue()).as("exit code; output:%n%s", output).isZero();
            return output.lines().collect(Collectors.toList());
        } finally {
            process.destroyForcibly();
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
