package dev.gempix2.benchmarks.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes {@code benchmarks.md} and {@code benchmarks.json} from the sections of one run. */
final class ReportDocument {
    private final ReportSettings settings;
    private final Machine machine;
    private final String loadAtEnd;
    private final double minutes;
    private final List<Section> sections;
    private final String fixes;

    ReportDocument(ReportSettings settings, Machine machine, String loadAtEnd, double minutes, List<Section> sections,
                   String fixes) {
        this.settings = settings;
        this.machine = machine;
        this.loadAtEnd = loadAtEnd;
        this.minutes = minutes;
        this.sections = sections;
        this.fixes = fixes;
    }

    void write() throws IOException {
        Files.createDirectories(settings.out());
        Files.writeString(settings.out().resolve("benchmarks.md"), markdown());
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Files.writeString(settings.out().resolve("benchmarks.json"), json.writeValueAsString(json()) + "\n");
    }

    Map<String, Object> json() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("date", machine.date().toString());
        root.put("mode", settings.smoke() ? "smoke (numbers mean nothing)" : "full");
        root.put("machine", machine.json());
        root.put("jvm", machine.jvm());
        for (Section section : sections) {
            for (Figure figure : section.figures()) {
                if (figure.name() != null) {
                    root.put(figure.name(), round(figure.samples().median()));
                }
            }
        }
        return root;
    }

    private String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks: the SDK side by side with what it replaces\n\n");
        if (settings.smoke()) {
            md.append("> **Smoke run**: the report's code run for a few seconds by the build. No number here means "
                    + "anything.\n\n");
        }
        md.append("Written by one command (about ").append(String.format("%.1f", minutes))
                .append(" minutes here):\n\n```sh\n./mvnw -q -B -pl benchmarks -am package -DskipTests && "
                        + "java -jar benchmarks/target/benchmarks.jar report\n```\n\n")
                .append("Every comparison ran inside this one run, on the same fake backend on loopback, the "
                        + "contenders alternating round by round. The machine is shared and noisy, so only ratios "
                        + "within a run mean anything: each figure shows min / median / max over its rounds, and its "
                        + "ratio to its floor (the same work without the SDK). `benchmarks.json` holds each figure's "
                        + "median by name.\n\n");
        md.append("| machine | |\n|---|---|\n")
                .append("| cores | ").append(machine.cores()).append(" |\n")
                .append("| memory | ").append(machine.memoryBytes() / 1_048_576).append(" MiB |\n")
                .append("| load average (1, 5, 15 min) | at start ").append(machine.loadAverage()).append(", at end ")
                .append(loadAtEnd).append(" |\n")
                .append("| OS | ").append(machine.os()).append(" |\n")
                .append("| JVM | ").append(machine.jvm()).append(" |\n")
                .append("| date | ").append(machine.date()).append(" |\n\n");
        double load = firstLoad(machine.loadAverage());
        if (load > machine.cores()) {
            md.append(String.format("The load average at start (%.1f on %d cores) says other work shared the "
                    + "machine: absolute rates are lower and rounds vary more than on a quiet machine; the ratios "
                    + "compare contenders that took turns in the same conditions.%n%n", load, machine.cores()));
        }
        md.append("## Summary\n\n| figure | median | target | met |\n|---|---|---|---|\n");
        for (Section section : sections) {
            for (Figure figure : section.figures()) {
                if (figure.name() != null && figure.target() != null) {
                    md.append("| `").append(figure.name()).append("` | ")
                            .append(format(figure.samples().median(), figure.unit())).append(" | ")
                            .append(figure.target()).append(" | ").append(figure.met() ? "yes" : "**no**")
                            .append(" |\n");
                }
            }
        }
        md.append('\n');
        for (Section section : sections) {
            md.append("## ").append(section.title()).append("\n\n").append(section.method()).append("\n\n");
            if (!section.figures().isEmpty()) {
                md.append("| figure | JSON name | min | median | max | ratio to floor | target | met |\n")
                        .append("|---|---|---|---|---|---|---|---|\n");
                for (Figure figure : section.figures()) {
                    Samples samples = figure.samples();
                    md.append("| ").append(figure.label()).append(" | ")
                            .append(figure.name() == null ? "" : "`" + figure.name() + "`").append(" | ")
                            .append(format(samples.min(), figure.unit())).append(" | ")
                            .append(format(samples.median(), figure.unit())).append(" | ")
                            .append(format(samples.max(), figure.unit())).append(" | ")
                            .append(figure.floorRatio() == null ? "" : String.format("%.2f×", figure.floorRatio()))
                            .append(" | ").append(figure.target() == null ? "" : figure.target()).append(" | ")
                            .append(figure.met() == null ? "" : figure.met() ? "yes" : "**no**").append(" |\n");
                }
                md.append('\n');
            }
            for (String note : section.notes()) {
                md.append(note).append("\n\n");
            }
            for (String chart : section.charts()) {
                md.append("![").append(section.title()).append("](benchmarks/").append(chart).append(")\n\n");
            }
        }
        if (!fixes.isBlank()) {
            md.append(fixes.strip()).append('\n');
        }
        return md.toString();
    }

    private static String format(double value, String unit) {
        return switch (unit) {
            case "×" -> String.format("%.2f×", value);
            case "ms" -> String.format("%.2f ms", value);
            case "B" -> String.format("%,.0f B (%.2f MiB)", value, value / 1_048_576);
            case "1/s" -> String.format("%,.0f/s", value);
            default -> String.format("%,.0f", value);
        };
    }

    private static Object round(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? (Object) (long) value
                : (Object) (Math.round(value * 1000) / 1000.0);
    }

    private static double firstLoad(String loadAverage) {
        try {
            return Double.parseDouble(loadAverage.split(" ")[0]);
        } catch (RuntimeException unreadable) {
            return 0;
        }
    }
}
