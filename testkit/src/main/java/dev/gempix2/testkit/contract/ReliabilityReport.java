package dev.gempix2.testkit.contract;

import dev.gempix2.core.wire.JsonText;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Publishes what the reliability suites proved, so that the published figures cannot drift from the code: each
 * suite writes a fragment under {@code target/reliability/} of this project's root ({@link #recordFaultRows},
 * {@link #recordFigures}), and after each fragment the report is assembled again into {@code docs/reliability.md}
 * (the fault matrix and the figures) and {@code docs/reliability.json}, once the fault matrix has run on all
 * {@link #TRANSPORTS}. In a full {@code ./mvnw verify} the last transport's suites complete it.
 *
 * <p>Outside this project's own build (a user's suite extending {@link FaultMatrixContract}) nothing is written:
 * the root is found by walking up from the working directory to the folder that holds {@code mvnw} and this
 * project's {@code testkit/pom.xml}.
 */
public final class ReliabilityReport {
    /** The transports the fault matrix runs on, in the order of the report's columns. */
    public static final List<String> TRANSPORTS = List.of("httpclient5", "micronaut", "quarkus");

    /** The figures {@code docs/reliability.json} holds besides the matrix, in the report's order. */
    public static final List<String> FIGURES = List.of("load_calls", "load_faults_injected", "load_lost",
            "load_duplicate_submits", "restart_tasks", "restart_resumed", "property_cases", "canary_leaks",
            "forged_callbacks_accepted");

    private ReliabilityReport() {
    }

    /**
     * One row's result on one transport.
     *
     * @param number the row's number
     * @param fault what went wrong
     * @param expected the outcome asserted
     * @param outcome {@code passed}, {@code failed} or {@code pending: <why>}
     */
    public record RowResult(int number, String fault, String expected, String outcome) {
    }

    /**
     * @param transport one of {@link #TRANSPORTS}
     * @param rows the matrix's rows as run, with their outcome: {@code passed}, {@code failed} or
     *             {@code pending: <why>}
     */
    public static synchronized void recordFaultRows(String transport, List<RowResult> rows) {
        Properties fragment = new Properties();
        fragment.setProperty("transport", transport);
        for (RowResult row : rows) {
            fragment.setProperty("row." + row.number() + ".fault", row.fault());
            fragment.setProperty("row." + row.number() + ".expected", row.expected());
            fragment.setProperty("row." + row.number() + ".outcome", row.outcome());
        }
        write("faults-" + transport, fragment);
    }

    /**
     * Adds figures from one suite; figures of the same name from several suites are summed.
     *
     * @param source a name unique to the suite and module, e.g. {@code property-micronaut}
     * @param figures names from {@link #FIGURES} and their values
     */
    public static synchronized void recordFigures(String source, Map<String, Long> figures) {
        Properties fragment = new Properties();
        figures.forEach((name, value) -> fragment.setProperty("figure." + name, Long.toString(value)));
        write("figures-" + source, fragment);
    }

    private static void write(String name, Properties fragment) {
        Optional<Path> root = projectRoot();
        if (root.isEmpty()) {
            return;
        }
        try {
            Path dir = root.get().resolve("target").resolve("reliability");
            Files.createDirectories(dir);
            try (Writer out = Files.newBufferedWriter(dir.resolve(name + ".properties"), StandardCharsets.UTF_8)) {
                fragment.store(out, null);
            }
            assemble(root.get(), dir);
        } catch (IOException failed) {
            throw new UncheckedIOException("could not write the reliability report under " + root.get(), failed);
        }
    }

    private static void assemble(Path root, Path dir) throws IOException {
        Map<String, Properties> matrices = new LinkedHashMap<>();
        Map<String, Long> figures = new LinkedHashMap<>();
        FIGURES.forEach(name -> figures.put(name, 0L));
        try (DirectoryStream<Path> fragments = Files.newDirectoryStream(dir, "*.properties")) {
            for (Path fragment : fragments) {
                Properties values = new Properties();
                try (Reader in = Files.newBufferedReader(fragment, StandardCharsets.UTF_8)) {
                    values.load(in);
                }
                if (fragment.getFileName().toString().startsWith("faults-")) {
                    matrices.put(values.getProperty("transport"), values);
                }
                for (String key : values.stringPropertyNames()) {
                    if (key.startsWith("figure.")) {
                        figures.merge(key.substring(7), Long.parseLong(values.getProperty(key)), Long::sum);
                    }
                }
            }
        }
        if (!matrices.keySet().containsAll(TRANSPORTS)) {
            return;
        }
        Map<Integer, String[]> rows = new TreeMap<>();
        Map<Integer, Map<String, String>> outcomes = new TreeMap<>();
        long passed = 0;
        long pending = 0;
        for (String transport : TRANSPORTS) {
            Properties matrix = matrices.get(transport);
            for (String key : matrix.stringPropertyNames()) {
                if (!key.startsWith("row.") || !key.endsWith(".outcome")) {
                    continue;
                }
                int number = Integer.parseInt(key.substring(4, key.length() - ".outcome".length()));
                rows.putIfAbsent(number, new String[] {matrix.getProperty("row." + number + ".fault"),
                    matrix.getProperty("row." + number + ".expected")});
                String outcome = matrix.getProperty(key);
                outcomes.computeIfAbsent(number, n -> new LinkedHashMap<>()).put(transport, outcome);
                passed += outcome.equals("passed") ? 1 : 0;
                pending += outcome.startsWith("pending") ? 1 : 0;
            }
        }
        Path docs = root.resolve("docs");
        Files.createDirectories(docs);
        Files.writeString(docs.resolve("reliability.json"), json(rows, outcomes, passed, pending, figures),
                StandardCharsets.UTF_8);
        Files.writeString(docs.resolve("reliability.md"), markdown(rows, outcomes, passed, pending, figures),
                StandardCharsets.UTF_8);
    }

    private static String json(Map<Integer, String[]> rows, Map<Integer, Map<String, String>> outcomes, long passed,
                               long pending, Map<String, Long> figures) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("fault_rows", rows.size());
        report.put("transports", TRANSPORTS);
        report.put("fault_rows_passed", passed);
        report.put("fault_rows_pending", pending);
        report.putAll(figures);
        List<Object> matrix = new java.util.ArrayList<>();
        rows.forEach((number, row) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("row", number);
            entry.put("fault", row[0]);
            entry.put("expected", row[1]);
            entry.put("outcomes", outcomes.get(number));
            matrix.add(entry);
        });
        report.put("matrix", matrix);
        return JsonText.pretty(report);
    }

    private static String markdown(Map<Integer, String[]> rows, Map<Integer, Map<String, String>> outcomes,
                                   long passed, long pending, Map<String, Long> figures) {
        StringBuilder md = new StringBuilder();
        md.append("# Reliability, as proven by the build\n\n")
                .append("Generated by the reliability suites during `./mvnw -B verify` (the testkit's ")
                .append("`FaultMatrixContract` on each transport, and the load, restart, property-based, secret-")
                .append("hygiene and webhook-abuse tests); do not edit by hand. The same figures are in ")
                .append("`docs/reliability.json`.\n\n")
                .append("## Figures\n\n| figure | value |\n|---|---|\n")
                .append("| fault rows × transports passed | ").append(passed).append(" of ")
                .append(rows.size() * TRANSPORTS.size()).append(" (").append(pending)
                .append(" pending a defect fix) |\n");
        figures.forEach((name, value) -> md.append("| `").append(name).append("` | ").append(value).append(" |\n"));
        md.append("\n`canary_leaks` counts captured lines of the SDK, the frameworks and the transports' libraries that "
                + "held the canary key or a callback token, with every logger at its finest level. Apache HttpClient "
                + "5's own header logger (`org.apache.hc.client5.http.headers`) is among them: it shows the "
                + "`Authorization` header masked. Its byte-level wire logger is not, see "
                + "`transport-httpclient5/README.md`.\n");
        md.append("\n`load_lost` counts tasks the fake created that the client's repository does not know: no record "
                + "holds the task's id, nor (a submit in doubt whose callback has not come through yet) the callback "
                + "token the provider calls back with. A record in doubt stays unfinished and learns the id from the "
                + "callback; the load test also checks that every task the client knows ends.\n");
        md.append("\n## Fault matrix\n\nEach row runs a `GemPix2Client` over the transport against the testkit's ")
                .append("fake backend (or a byte-level `HostileServer`), on virtual time where the fault is slow, ")
                .append("and asserts the expected outcome.\n\n| # | fault | expected outcome |");
        TRANSPORTS.forEach(t -> md.append(' ').append(t).append(" |"));
        md.append("\n|---|---|---|");
        TRANSPORTS.forEach(t -> md.append("---|"));
        md.append('\n');
        rows.forEach((number, row) -> {
            md.append("| ").append(number).append(" | ").append(cell(row[0])).append(" | ").append(cell(row[1]))
                    .append(" |");
            TRANSPORTS.forEach(t -> md.append(' ').append(cell(outcomes.get(number).getOrDefault(t, "not run")))
                    .append(" |"));
            md.append('\n');
        });
        return md.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static Optional<Path> projectRoot() {
        Path at = Path.of("").toAbsolutePath();
        while (at != null) {
            if (Files.exists(at.resolve("mvnw")) && Files.exists(at.resolve("testkit").resolve("pom.xml"))) {
                return Optional.of(at);
            }
            at = at.getParent();
        }
        return Optional.empty();
    }

    /** @return a mutable map for {@link #recordFigures}, in insertion order */
    public static Map<String, Long> figures() {
        return new LinkedHashMap<>();
    }
}
