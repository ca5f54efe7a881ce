package dev.gempix2.benchmarks.report;

import java.util.Objects;
import java.util.function.DoublePredicate;

/**
 * One measured figure of the report: its values over the rounds, and how it compares with its target.
 *
 * @param name its key in {@code benchmarks.json}, as the issue names it; null for a row shown in the document only
 * @param label what it is, in the document
 * @param unit the unit of its values ("×" for a ratio)
 * @param samples its values over the rounds (one value for a count)
 * @param floorRatio its median over the floor's median in the same run, where it has a floor; else null
 * @param target the target in words ("≤ 1.10"), or null
 * @param met whether the median meets the target; null without one
 */
public record Figure(String name, String label, String unit, Samples samples, Double floorRatio, String target,
                     Boolean met) {

    /** Requires a label, unit and samples. */
    public Figure {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(samples, "samples");
    }

    /**
     * @param name the JSON key
     * @param label what it is
     * @param unit its unit
     * @param samples its values
     * @return a figure with no floor and no target
     */
    public static Figure plain(String name, String label, String unit, Samples samples) {
        return new Figure(name, label, unit, samples, null, null, null);
    }

    /**
     * @param target the target in words
     * @param meets whether a median meets it
     * @return this figure with the target and its verdict
     */
    public Figure target(String target, DoublePredicate meets) {
        return new Figure(name, label, unit, samples, floorRatio, target, meets.test(samples.median()));
    }

    /**
     * @param ratio the median over the floor's median
     * @return this figure with its ratio to the floor
     */
    public Figure floorRatio(double ratio) {
        return new Figure(name, label, unit, samples, ratio, target, met);
    }
}
