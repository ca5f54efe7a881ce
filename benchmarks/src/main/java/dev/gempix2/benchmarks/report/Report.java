package dev.gempix2.benchmarks.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar benchmarks/target/benchmarks.jar report [--smoke] [--out DIR]}: runs every section side by
 * side (per-call cost, transports, scale of waiting, callbacks, the fake, downloads) and writes
 * {@code benchmarks.md}, {@code benchmarks.json} and {@code benchmarks/*.png} into {@code DIR} (default
 * {@code docs}; {@code target/benchmark-smoke} for {@code --smoke}, the few-second run the build does).
 */
public final class Report {
    /** A section and the code that runs it. */
    @FunctionalInterface
    private interface SectionRun {
        Section run(ReportSettings settings, Charts charts) throws Exception;
    }

    private Report() {
    }

    /**
     * @param args {@code [--smoke] [--out DIR]}
     * @return the exit status: 0 when every section ran, 1 when one failed, 2 on a bad argument
     */
    public static int run(String... args) {
        boolean smoke = false;
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--smoke" -> smoke = true;
                case "--out" -> {
                    if (i + 1 >= args.length) {
                        System.err.println("report: --out needs a directory");
                        return 2;
                    }
                    out = Path.of(args[++i]);
                }
                default -> {
                    System.err.println("report: unknown argument '" + args[i] + "'; use [--smoke] [--out DIR]");
                    return 2;
                }
            }
        }
        if (out == null) {
            out = Path.of(smoke ? "target/benchmark-smoke" : "docs");
        }
        System.setProperty("java.awt.headless", "true");
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        ReportSettings settings = smoke ? ReportSettings.smoke(out) : ReportSettings.full(out);
        try {
            return write(settings);
        } catch (IOException cannotWrite) {
            System.err.println("report: could not write to " + out.toAbsolutePath() + ": " + cannotWrite);
            return 1;
        }
    }

    private static int write(ReportSettings settings) throws IOException {
        Machine machine = Machine.now();
        Charts charts = new Charts(settings.out().resolve("benchmarks"));
        Map<String, SectionRun> runs = new LinkedHashMap<>();
        runs.put("Per-call cost", (s, c) -> PerCallSection.run(s));
        runs.put("Transports", (s, c) -> TransportSection.run(s));
        runs.put("Scale of waiting", ScaleSection::run);
        runs.put("Callbacks", CallbackSection::run);
        runs.put("The fake backend", (s, c) -> FakeSection.run(s));
        runs.put("Downloads", (s, c) -> DownloadSection.run(s));
        List<Section> sections = new ArrayList<>();
        boolean allRan = true;
        long start = System.nanoTime();
        for (Map.Entry<String, SectionRun> entry : runs.entrySet()) {
            System.err.printf("report: %s ...%n", entry.getKey());
            long sectionStart = System.nanoTime();
            try {
                Section section = entry.getValue().run(settings, charts);
                try {
                    drawBars(section, charts);
                } catch (RuntimeException cannotDraw) {
                    allRan = false;
                    cannotDraw.printStackTrace();
                    section = new Section(section.title(), section.method(), section.figures(),
                            List.of("The chart could not be drawn: `" + cannotDraw + "`."), List.of());
                }
                sections.add(section);
            } catch (Exception | Error failed) {
                allRan = false;
                failed.printStackTrace();
                sections.add(new Section(entry.getKey(), "This section failed: `" + failed + "`.", List.of(),
                        List.of(), List.of()));
            }
            System.err.printf("report: %s took %.0f s%n", entry.getKey(), (System.nanoTime() - sectionStart) / 1e9);
        }
        double minutes = (System.nanoTime() - start) / 60e9;
        ReportDocument document = new ReportDocument(settings, machine, Machine.currentLoadAverage(), minutes, sections,
                fixes());
        document.write();
        System.err.printf("report: wrote %s in %.1f min%n", settings.out().resolve("benchmarks.md"), minutes);
        return allRan ? 0 : 1;
    }

    /** Bars of the figures' medians with min/max error bars, for the sections that draw no chart themselves. */
    private static void drawBars(Section section, Charts charts) {
        if (section.charts().isEmpty() || section.figures().isEmpty()
                || List.of("callbacks.png", "scale-threads.png").contains(section.charts().get(0))) {
            return;
        }
        Map<String, Samples> bars = new LinkedHashMap<>();
        boolean ratios = section.figures().stream().allMatch(figure -> figure.unit().equals("×"));
        if (ratios) {
            bars.put("floor", Samples.of(1.0));
        }
        for (Figure figure : section.figures()) {
            if (ratios || !figure.unit().equals("×")) {
                bars.put(figure.name() == null ? "floor" : figure.name(), figure.samples());
            }
        }
        String unit = section.figures().get(0).unit();
        charts.bars(section.charts().get(0), section.title() + ": min, median and max over the rounds",
                ratios ? "time per call over the floor's (×)" : unit.equals("B") ? "bytes allocated" : unit, bars);
    }

    /**
     * @return the hand-written before/after of what the benchmarks made us fix, then the shared task store's
     *         figures (measured by their own mains), shown as they are
     */
    private static String fixes() throws IOException {
        return resource("fixes.md") + resource("shared-store.md");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = Report.class.getResourceAsStream(name)) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
