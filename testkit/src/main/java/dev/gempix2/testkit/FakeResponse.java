package dev.gempix2.testkit;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP answer the fake sends instead of its usual one: from a {@link Fault} or a {@link Responder}.
 * Immutable.
 *
 * <pre>{@code
 * FakeResponse.json(200, "{\"code\":7,\"message\":\"insufficient credits\"}");
 * FakeResponse.html(502, "<html><body>Bad Gateway</body></html>");
 * FakeResponse.redirect("/files/elsewhere.png").withHeader("Cache-Control", "no-store");
 * }</pre>
 */
public final class FakeResponse {
    private final int status;
    private final Map<String, String> headers;
    private final byte[] body;
    private final boolean dropsConnection;
    private final int stallAfter;
    private final boolean chunked;
    private final long length;

    private FakeResponse(int status, Map<String, String> headers, byte[] body, boolean dropsConnection) {
        this(status, headers, body, dropsConnection, -1, false, body.length);
    }

    private FakeResponse(int status, Map<String, String> headers, byte[] body, boolean dropsConnection,
                         int stallAfter) {
        this(status, headers, body, dropsConnection, stallAfter, false, body.length);
    }

    private FakeResponse(int status, Map<String, String> headers, byte[] body, boolean dropsConnection,
                         int stallAfter, boolean chunked, long length) {
        this.status = status;
        this.headers = Map.copyOf(headers);
        this.body = body.clone();
        this.dropsConnection = dropsConnection;
        this.stallAfter = stallAfter;
        this.chunked = chunked;
        this.length = length;
    }

    /**
     * Sends the body without {@code Content-Length}, in chunks ({@code Transfer-Encoding: chunked}), as image
     * servers that stream do: a client learns the size only by reading.
     *
     * @return a copy sent in chunks
     */
    public FakeResponse chunked() {
        return new FakeResponse(status, headers, body, dropsConnection, stallAfter, true, length);
    }

    /**
     * A body of {@code totalBytes}, the given body repeated as often as needed and made while it is sent, never
     * held whole: for a body larger than the memory of the client under test (the test's heap, say), to show
     * that the client stops at its cap while streaming.
     *
     * <pre>{@code
     * FakeResponse.of(200, "image/png", chunk).repeatedTo(2 * Runtime.getRuntime().maxMemory()).chunked();
     * }</pre>
     *
     * @param totalBytes the body's length, at least the given body's
     * @return a copy with that body
     */
    public FakeResponse repeatedTo(long totalBytes) {
        if (body.length == 0 || totalBytes < body.length || stallAfter >= 0) {
            throw new IllegalArgumentException("a non-empty body of " + body.length + " bytes that does not stall "
                    + "can be repeated to at least its length, not " + totalBytes);
        }
        return new FakeResponse(status, headers, body, dropsConnection, stallAfter, chunked, totalBytes);
    }

    /** @return true when the body is sent in chunks, without {@code Content-Length} */
    public boolean isChunked() {
        return chunked;
    }

    /** @return the body's length as sent: its own, or the length it is {@linkplain #repeatedTo repeated to} */
    public long length() {
        return length;
    }

    /**
     * @param status the HTTP status, 100 to 599
     * @param contentType the {@code Content-Type}, or null for none
     * @param body the body's bytes; empty for none
     * @return the response
     */
    public static FakeResponse of(int status, String contentType, byte[] body) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("an HTTP status is 100 to 599, not " + status);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        return new FakeResponse(status, headers, body == null ? new byte[0] : body, false);
    }

    /**
     * @param status the HTTP status
     * @param json the body, sent as it is (it need not be valid JSON)
     * @return a response with {@code Content-Type: application/json}
     */
    public static FakeResponse json(int status, String json) {
        return of(status, "application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param status the HTTP status
     * @param html the page
     * @return a response with {@code Content-Type: text/html}
     */
    public static FakeResponse html(int status, String html) {
        return of(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param location the {@code Location}: an absolute URL or a path on the fake
     * @return a {@code 302 Found} to that location
     */
    public static FakeResponse redirect(String location) {
        return of(302, null, new byte[0]).withHeader("Location", location);
    }

    /** @return no answer at all: the fake closes the connection without writing a byte */
    public static FakeResponse dropConnection() {
        return new FakeResponse(0, Map.of(), new byte[0], true);
    }

    /**
     * @param name a header name
     * @param value its value
     * @return a copy with that header set (replacing one of the same name)
     */
    public FakeResponse withHeader(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
        copy.put(name, value);
        return new FakeResponse(status, copy, body, dropsConnection, stallAfter, chunked, length);
    }

    /**
     * A body that stops coming: the headers (with the full {@code Content-Length}) and the first {@code bytes}
     * of the body are sent, then nothing more until the fake is reset or closed, when the connection is
     * dropped. For testing that a client's response timeout covers the body, not only the headers.
     *
     * <pre>{@code
     * fake.respondWith(request -> FakeResponse.of(200, "image/png", new byte[10_000]).stallingAfter(100));
     * }</pre>
     *
     * @param bytes how many bytes of the body are sent before it stalls, 0 to the body's length - 1
     * @return a copy that stalls
     */
    public FakeResponse stallingAfter(int bytes) {
        if (dropsConnection || bytes < 0 || bytes >= body.length) {
            throw new IllegalArgumentException("a body of " + body.length + " bytes can stall after 0 to "
                    + (body.length - 1) + " bytes, not " + bytes);
        }
        if (length != body.length) {
            throw new IllegalArgumentException("a repeated body cannot stall");
        }
        return new FakeResponse(status, headers, body, false, bytes, chunked, length);
    }

    /** @return how many body bytes are sent before the body stalls; empty when the whole body is sent */
    public java.util.OptionalInt stallsAfter() {
        return stallAfter < 0 ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(stallAfter);
    }

    /** @return the HTTP status; 0 for a dropped connection */
    public int status() {
        return status;
    }

    /** @return the headers to send */
    public Map<String, String> headers() {
        return headers;
    }

    /** @return a copy of the body's bytes */
    public byte[] body() {
        return body.clone();
    }

    /** @return true when the fake closes the connection instead of answering */
    public boolean dropsConnection() {
        return dropsConnection;
    }

    @Override
    public String toString() {
        return dropsConnection ? "FakeResponse[dropped connection]"
                : "FakeResponse[" + status + ", " + headers + ", " + length + " bytes" + (chunked ? ", chunked" : "")
                + (stallAfter < 0 ? "" : ", stalling after " + stallAfter) + "]";
    }
}
