package dev.gempix2.benchmarks;

/**
 * Holds the SDK to its scale promise: 10,000 tasks in flight at once through {@code GemPix2Client},
 * {@code HttpClient5Transport} and the testkit's fake, all awaited asynchronously, on at most 16 threads beyond
 * those at start and a few KiB of heap each. Prints a short report; exits 1 when a bound is broken, 2 on a bad
 * argument. Turns on {@code sun.net.httpserver.nodelay} for the fake unless set on the command line.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.gempix2.benchmarks.ScaleDriver --tasks 10000 --stage 4s
 * }</pre>
 */
public final class ScaleDriver {
    /**
     * The JDK's {@code HttpServer} (under the fake) leaves Nagle's algorithm on unless this is true; it then
     * sends each answer's body only after the client's delayed ACK of its headers, some 40 ms per answer and
     * connection. Read once, when the first server starts.
     */
    static final String HTTP_SERVER_NO_DELAY = "sun.net.httpserver.nodelay";

    private ScaleDriver() {
    }

    /**
     * @param args {@code --tasks N} (10000), {@code --stage 4s} (each of the fake's three stages),
     *             {@code --max-new-threads N} (16), {@code --max-heap-per-task-kib N} (8)
     */
    public static void main(String[] args) {
        System.setProperty(HTTP_SERVER_NO_DELAY, System.getProperty(HTTP_SERVER_NO_DELAY, "true"));
        ScaleSettings settings;
        try {
            settings = ScaleSettings.parse(args);
        } catch (IllegalArgumentException wrong) {
            System.err.println("ScaleDriver: " + wrong.getMessage());
            System.exit(2);
            return;
        }
        System.out.printf("Scale run: %,d tasks at once, fake stages of %s%n", settings.tasks(),
                settings.stageDuration());
        ScaleReport report = new ScaleRun(settings).run();
        System.out.println(report.format());
        System.exit(report.violations().isEmpty() ? 0 : 1);
    }
}
