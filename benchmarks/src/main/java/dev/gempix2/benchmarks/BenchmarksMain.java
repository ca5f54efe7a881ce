package dev.gempix2.benchmarks;

import dev.gempix2.benchmarks.report.Report;
import java.util.Arrays;

/**
 * {@code java -jar benchmarks.jar}: {@code report [--smoke] [--out DIR]} runs the side-by-side report (see
 * {@link Report}); anything else goes to JMH's own command line ({@code -h} lists its options).
 */
public final class BenchmarksMain {

    private BenchmarksMain() {
    }

    /**
     * @param args {@code report ...}, or JMH's arguments
     * @throws Exception whatever JMH throws
     */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("report")) {
            System.exit(Report.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        org.openjdk.jmh.Main.main(args);
    }
}
