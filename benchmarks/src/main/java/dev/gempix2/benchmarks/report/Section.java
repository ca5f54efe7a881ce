package dev.gempix2.benchmarks.report;

import java.util.List;
import java.util.Objects;

/**
 * One section of the report: a table of figures, how they were measured, notes, and its charts.
 *
 * @param title the heading
 * @param method how it was measured, in a paragraph
 * @param figures the table's rows
 * @param notes remarks below the table (what a figure means, why a target is missed)
 * @param charts file names of its charts, beside {@code benchmarks.md} under {@code benchmarks/}
 */
public record Section(String title, String method, List<Figure> figures, List<String> notes, List<String> charts) {

    /** Copies the lists; requires a title and method. */
    public Section {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(method, "method");
        figures = List.copyOf(figures);
        notes = List.copyOf(notes);
        charts = List.copyOf(charts);
    }
}
