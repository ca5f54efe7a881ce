package dev.gempix2.benchmarks.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The report's PNG charts, drawn with XChart into one directory. */
final class Charts {
    private static final int WIDTH = 800;
    private static final int HEIGHT = 450;

    private final Path directory;

    Charts(Path directory) {
        this.directory = directory;
        try {
            Files.createDirectories(directory);
        } catch (IOException cannotCreate) {
            throw new UncheckedIOException(cannotCreate);
        }
    }

    /**
     * Each figure's min, median and max over its rounds as three bars side by side (XChart's error bars are
     * symmetric, which would draw a lopsided spread below zero).
     *
     * @param file the PNG's name
     * @param title the chart's title
     * @param axis the value axis' title
     * @param bars each group's label and samples, in order
     */
    void bars(String file, String title, String axis, Map<String, Samples> bars) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .yAxisTitle(axis).build();
        chart.getStyler().setXAxisLabelRotation(15);
        List<String> labels = new ArrayList<>(bars.keySet());
        chart.addSeries("min", labels, values(bars, Samples::min));
        chart.addSeries("median", labels, values(bars, Samples::median));
        chart.addSeries("max", labels, values(bars, Samples::max));
        save(chart, file);
    }

    private static List<Double> values(Map<String, Samples> bars, java.util.function.ToDoubleFunction<Samples> pick) {
        return bars.values().stream().map(samples -> {
            double value = pick.applyAsDouble(samples);
            return Double.isFinite(value) ? value : 0.0;
        }).toList();
    }

    /**
     * @param file the PNG's name
     * @param title the chart's title
     * @param axis the values' axis title
     * @param values every value
     */
    void histogram(String file, String title, String axis, Samples values) {
        int buckets = 30;
        double top = Math.max(values.percentile(0.995), values.min() + 1e-9);
        double width = (top - values.min()) / buckets;
        List<String> labels = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (int i = 0; i < buckets; i++) {
            labels.add(String.format("%.1f", values.min() + i * width));
            counts.add(0);
        }
        for (double value : values.sorted()) {
            int bucket = (int) Math.min(buckets - 1, Math.floor((value - values.min()) / width));
            counts.set(bucket, counts.get(bucket) + 1);
        }
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(axis + " (bucket start; the top 0.5% in the last bucket)").yAxisTitle("tasks").build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisLabelRotation(60);
        chart.addSeries("tasks", labels, counts);
        save(chart, file);
    }

    /**
     * Threads and heap against tasks in flight, one line per run.
     *
     * @param threadsFile the threads chart's PNG name
     * @param heapFile the heap chart's PNG name
     * @param runs the runs by name
     */
    void scale(String threadsFile, String heapFile, Map<String, ScaleResult> runs) {
        XYChart threads = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Live threads against tasks in flight (client JVM)").xAxisTitle("tasks in flight")
                .yAxisTitle("live threads").build();
        XYChart heap = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Heap in use against tasks in flight (client JVM, not collected first)")
                .xAxisTitle("tasks in flight").yAxisTitle("heap in use (MiB)").build();
        for (XYChart chart : List.of(threads, heap)) {
            chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            chart.getStyler().setMarkerSize(4);
        }
        runs.forEach((name, run) -> {
            if (run.points().isEmpty()) {
                return;
            }
            double[] inFlight = run.points().stream().mapToDouble(ScaleProbe.Point::inFlight).toArray();
            threads.addSeries(name, inFlight, run.points().stream().mapToDouble(ScaleProbe.Point::threads).toArray())
                    .setMarker(SeriesMarkers.CIRCLE);
            heap.addSeries(name, inFlight,
                    run.points().stream().mapToDouble(point -> point.heapBytes() / 1_048_576.0).toArray())
                    .setMarker(SeriesMarkers.CIRCLE);
        });
        save(threads, threadsFile);
        save(heap, heapFile);
    }

    private void save(Chart<?, ?> chart, String file) {
        try {
            BitmapEncoder.saveBitmap(chart, directory.resolve(file).toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException cannotWrite) {
            throw new UncheckedIOException(cannotWrite);
        }
    }
}
