package dev.gempix2.testkit.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures every JUL record at the finest level (the library's {@code System.Logger} lands in JUL unless the
 * app routes it elsewhere, and so do the JDK's HTTP client and most frameworks' bridges), to scan them for
 * secrets. Install it, run, then {@link #leaksOf(Set)}; {@link #close()} restores the levels.
 */
public final class LogCapture implements AutoCloseable {
    /**
     * Loggers of the test's own infrastructure, not scanned: the JDK's HTTP server (the fake backend, the
     * webhook relay) logs each request line, and the fake's callbacks go out through the JDK's HTTP client; a
     * callback URL holds its token in the path, so the access log of whatever server receives callbacks shows
     * it, as it would in any app's access log. The library never uses either.
     */
    public static final List<String> TEST_INFRASTRUCTURE = List.of("com.sun.net.httpserver ",
            "jdk.internal.httpclient");

    /**
     * Loggers with which a framework dumps secrets at TRACE, not the library's to mask: Micronaut's environment
     * and bean-definition loggers print every resolved property, {@code gempix2.api-key} included, and its HTTP
     * client prints every request body, so the {@code callback_url} with its token. The Micronaut adapter's
     * README says to keep them above TRACE. Not scanned.
     */
    public static final List<String> FRAMEWORK_TRACE_DUMPS = List.of(
            "io.micronaut.context.DefaultApplicationContext$RuntimeConfiguredEnvironment ", "io.micronaut.inject ",
            "io.micronaut.http.client.netty.DefaultHttpClient ");

    /**
     * Byte-level wire loggers, kept at INFO: at DEBUG they log every byte of every body (a 70 MB answer becomes
     * hundreds of thousands of lines and minutes); the request headers they would show are logged, and scanned,
     * by the header loggers at the finest level.
     */
    public static final List<String> WIRE_LOGGERS = List.of("org.apache.hc.client5.http.wire");

    private final List<Logger> quieted = new ArrayList<>();
    private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
    private final Logger root = Logger.getLogger("");
    private final Level rootLevel;
    private final Handler handler;

    private LogCapture() {
        SimpleFormatter formatter = new SimpleFormatter();
        handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                StringBuilder line = new StringBuilder(record.getLoggerName() + " " + formatter.formatMessage(record));
                for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
                    line.append(" | ").append(t);
                }
                lines.add(line.toString());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        handler.setLevel(Level.ALL);
        rootLevel = root.getLevel();
        root.setLevel(Level.ALL);
        root.addHandler(handler);
        for (String name : WIRE_LOGGERS) {
            Logger wire = Logger.getLogger(name);
            wire.setLevel(Level.INFO);
            quieted.add(wire);
        }
    }

    /** @return a capture of every JUL record from now on, at every level */
    public static LogCapture install() {
        return new LogCapture();
    }

    /** @param line a line captured some other way (an exception's text, a {@code toString()}), scanned alike */
    public void add(String line) {
        lines.add(line);
    }

    /** @return how many lines were captured */
    public int size() {
        return lines.size();
    }

    /**
     * @param secrets the key, tokens and other canaries
     * @return the captured lines holding any of them (each shown with the secret masked)
     */
    public List<String> leaksOf(Set<String> secrets) {
        return leaksOf(secrets, List.of());
    }

    /**
     * @param secrets the key, tokens and other canaries
     * @param loggersToSkip logger name prefixes whose leaks are known and pending a fix
     * @return the captured lines holding any of them, except from those loggers
     */
    public List<String> leaksOf(Set<String> secrets, List<String> loggersToSkip) {
        List<String> leaks = new ArrayList<>();
        for (String line : lines) {
            if (TEST_INFRASTRUCTURE.stream().anyMatch(line::startsWith)
                    || FRAMEWORK_TRACE_DUMPS.stream().anyMatch(line::startsWith)
                    || loggersToSkip.stream().anyMatch(line::startsWith)) {
                continue;
            }
            for (String secret : secrets) {
                if (secret != null && secret.length() >= 8 && line.contains(secret)) {
                    leaks.add(line.replace(secret, "<secret>"));
                }
            }
        }
        return leaks;
    }

    @Override
    public void close() {
        root.removeHandler(handler);
        root.setLevel(rootLevel);
        quieted.forEach(logger -> logger.setLevel(null));
    }
}
