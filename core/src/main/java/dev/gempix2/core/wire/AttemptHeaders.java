package dev.gempix2.core.wire;

import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Extra headers for the request a transport is about to build, such as a {@code traceparent} from an observer.
 * The client sets them around its call of {@code ImageGenerator.submit/query} or {@code ImageDownloader.download};
 * a transport reads {@link #current()} while it builds the request, on the calling thread (the ports' calls
 * return at once, so that is where requests are built), and adds each header it finds.
 */
public final class AttemptHeaders {
    private static final ThreadLocal<Map<String, String>> CURRENT = new ThreadLocal<>();

    private AttemptHeaders() {
    }

    /** @return the headers to add to the request being built on this thread; empty outside an attempt */
    public static Map<String, String> current() {
        Map<String, String> headers = CURRENT.get();
        return headers == null ? Map.of() : headers;
    }

    /**
     * Runs a call with headers for the requests it builds on this thread.
     *
     * @param headers the headers; {@code Authorization} is never among them
     * @param call starts the attempt
     * @param <T> what the call returns
     * @return what the call returned
     */
    public static <T> T during(Map<String, String> headers, Supplier<T> call) {
        Objects.requireNonNull(headers, "headers");
        if (headers.isEmpty()) {
            return call.get();
        }
        Map<String, String> previous = CURRENT.get();
        CURRENT.set(Map.copyOf(headers));
        try {
            return call.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }
}
