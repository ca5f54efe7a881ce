package dev.gempix2.testkit.contract;

import java.util.Objects;

/**
 * One row of the fault matrix: a fault, the outcome the client must show, and the scenario that checks it.
 *
 * @param number the row's place in the matrix, from 1
 * @param key a short stable name, e.g. {@code submit-500}
 * @param fault what goes wrong, as the report shows it
 * @param expected the outcome asserted, as the report shows it
 * @param scenario the check, run on a fresh {@link FaultRig}
 */
public record FaultRow(int number, String key, String fault, String expected, Scenario scenario) {

    /**
     * Requires every field.
     *
     * @param number the row's place in the matrix, from 1
     * @param key a short stable name, e.g. {@code submit-500}
     * @param fault what goes wrong, as the report shows it
     * @param expected the outcome asserted, as the report shows it
     * @param scenario the check, run on a fresh {@link FaultRig}
     */
    public FaultRow {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(fault, "fault");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(scenario, "scenario");
    }

    /** The check of one row. */
    @FunctionalInterface
    public interface Scenario {
        /**
         * @param rig the fake, the transport and helpers, fresh for this row
         * @throws Exception anything unexpected fails the row
         */
        void run(FaultRig rig) throws Exception;
    }

    @Override
    public String toString() {
        return "#" + number + " " + fault;
    }
}
