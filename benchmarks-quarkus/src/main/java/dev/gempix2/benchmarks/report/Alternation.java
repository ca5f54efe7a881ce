package dev.gempix2.benchmarks.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs contenders in turn on the same machine in the same minute: a warm-up of each, then rounds in which each
 * contender runs for the same time, the order rotating from round to round so that no contender always follows
 * the same one. Only ratios between contenders of one round mean anything on a shared machine.
 */
public final class Alternation {
    /** One contender: does its operation over and over for the time given, and says how many it did. */
    @FunctionalInterface
    public interface Workload {
        /**
         * @param time how long to keep going
         * @return operations completed
         * @throws Exception when an operation fails: the whole section fails, never a silent zero
         */
        long runFor(Duration time) throws Exception;
    }

    private final Map<String, Workload> contenders = new LinkedHashMap<>();

    /**
     * @param name the contender's name in the report
     * @param workload what it does
     * @return this
     */
    public Alternation add(String name, Workload workload) {
        contenders.put(name, workload);
        return this;
    }

    /**
     * @param warmUp time of each contender's warm-up, taken in slices alternating like the rounds
     * @param rounds how many measured rounds
     * @param roundTime how long each contender runs per round
     * @return each contender's operations per second, per round, in round order
     * @throws Exception when a workload fails
     */
    public Map<String, double[]> run(Duration warmUp, int rounds, Duration roundTime) throws Exception {
        List<String> names = new ArrayList<>(contenders.keySet());
        int warmSlices = 3;
        for (int slice = 0; slice < warmSlices; slice++) {
            for (String name : names) {
                contenders.get(name).runFor(warmUp.dividedBy(warmSlices));
            }
        }
        Map<String, double[]> perSecond = new LinkedHashMap<>();
        names.forEach(name -> perSecond.put(name, new double[rounds]));
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < names.size(); i++) {
                String name = names.get((round + i) % names.size());
                long start = System.nanoTime();
                long ops = contenders.get(name).runFor(roundTime);
                double seconds = (System.nanoTime() - start) / 1e9;
                perSecond.get(name)[round] = ops / seconds;
            }
        }
        return perSecond;
    }

    /**
     * @param floorPerSecond the floor's operations per second, per round
     * @param contenderPerSecond the contender's, per round
     * @return per round, the contender's time per operation over the floor's (1.0 = costs nothing more)
     */
    public static Samples costRatios(double[] floorPerSecond, double[] contenderPerSecond) {
        double[] ratios = new double[floorPerSecond.length];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = floorPerSecond[i] / contenderPerSecond[i];
        }
        return new Samples(ratios);
    }

    /**
     * @param floorPerSecond the floor's operations per second, per round
     * @param contenderPerSecond the contender's, per round
     * @return per round, the contender's rate over the floor's (1.0 = as fast)
     */
    public static Samples rateRatios(double[] floorPerSecond, double[] contenderPerSecond) {
        return costRatios(contenderPerSecond, floorPerSecond);
    }
}
