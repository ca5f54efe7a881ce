package dev.gempix2.benchmarks.report;

import java.util.Arrays;
import java.util.List;

/**
 * The values one figure took over the rounds of a run, sorted.
 *
 * @param values every round's value, at least one
 */
public record Samples(double[] values) {

    /** Sorts a copy; requires at least one value. */
    public Samples {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("a figure needs at least one value");
        }
        values = values.clone();
        Arrays.sort(values);
    }

    /**
     * @param values the values
     * @return them as samples
     */
    public static Samples of(double... values) {
        return new Samples(values);
    }

    /**
     * @param values the values
     * @return them as samples
     */
    public static Samples of(List<Double> values) {
        return new Samples(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** @return the least value */
    public double min() {
        return values[0];
    }

    /** @return the greatest value */
    public double max() {
        return values[values.length - 1];
    }

    /** @return the middle value (the mean of the two middle ones for an even count) */
    public double median() {
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    /**
     * @param fraction 0.5 for the median, 0.99 for p99
     * @return the value at that rank (nearest rank)
     */
    public double percentile(double fraction) {
        int rank = (int) Math.ceil(fraction * values.length) - 1;
        return values[Math.max(0, Math.min(values.length - 1, rank))];
    }

    /** @return how many values */
    public int count() {
        return values.length;
    }

    /** @return a copy of the values, sorted */
    public double[] sorted() {
        return values.clone();
    }
}
