package dev.gempix2.testkit;

import dev.gempix2.core.model.ApiKey;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.wire.WireFormat;
import dev.gempix2.testkit.internal.Json;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One request the fake received, as its journal keeps it. Header names are lower case; the key in
 * {@code Authorization} is masked ({@code Bearer dk-…abcd}), and {@link #authorizationEquals(String)} checks
 * the exact value without exposing it. Immutable.
 */
public final class RecordedRequest {
    private final long sequence;
    private final String method;
    private final String path;
    private final String query;
    private final Map<String, List<String>> headers;
    private final String rawAuthorization;
    private final String body;
    private final Instant receivedAt;

    private RecordedRequest(long sequence, String method, String path, String query,
                            Map<String, List<String>> headers, String rawAuthorization, String body,
                            Instant receivedAt) {
        this.sequence = sequence;
        this.method = method;
        this.path = path;
        this.query = query;
        this.headers = headers;
        this.rawAuthorization = rawAuthorization;
        this.body = body;
        this.receivedAt = receivedAt;
    }

    /**
     * Records a request; the fake calls this for each one, and tests of a {@link Responder} may too.
     *
     * @param sequence the request's number, from 1, in arrival order
     * @param method e.g. {@code POST}
     * @param path the path, without the query
     * @param query the raw query string, or null
     * @param headers the headers as received (names in any case); {@code Authorization} is masked here
     * @param body the body as text (UTF-8), empty for none
     * @param receivedAt when it arrived, on the fake's clock
     * @return the record
     */
    public static RecordedRequest of(long sequence, String method, String path, String query,
                                     Map<String, List<String>> headers, String body, Instant receivedAt) {
        Map<String, List<String>> masked = new LinkedHashMap<>();
        String authorization = null;
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            List<String> values = List.copyOf(header.getValue());
            if (name.equals("authorization")) {
                authorization = values.isEmpty() ? null : values.get(0);
                values = values.stream().map(RecordedRequest::maskAuthorization).toList();
            }
            masked.merge(name, values, (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList());
        }
        return new RecordedRequest(sequence, method, path, query, Collections.unmodifiableMap(masked),
                authorization, body == null ? "" : body, receivedAt);
    }

    private static String maskAuthorization(String value) {
        int space = value.indexOf(' ');
        return space < 0 ? ApiKey.mask(value) : value.substring(0, space + 1) + ApiKey.mask(value.substring(space + 1));
    }

    /** @return the request's number, from 1, in arrival order */
    public long sequence() {
        return sequence;
    }

    /** @return the HTTP method, e.g. {@code POST} */
    public String method() {
        return method;
    }

    /** @return the path without the query, e.g. {@code /api/task/query} */
    public String path() {
        return path;
    }

    /** @return the raw query string, when there was one */
    public Optional<String> query() {
        return Optional.ofNullable(query);
    }

    /**
     * @param name a query parameter's name
     * @return its first value, decoded
     */
    public Optional<String> queryParameter(String name) {
        if (query == null) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            if (key.equals(name)) {
                return Optional.of(equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    /** @return every header, names in lower case, the key masked */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /**
     * @param name a header name, in any case
     * @return its first value (the key masked in {@code Authorization})
     */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * Checks the exact {@code Authorization} header, compared in constant time, without exposing it.
     *
     * @param expected the value expected, e.g. {@code key.authorizationHeader()}
     * @return true when the request carried exactly that value
     */
    public boolean authorizationEquals(String expected) {
        return rawAuthorization != null && expected != null && MessageDigest.isEqual(
                rawAuthorization.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    /** @return the body as text, empty for none */
    public String body() {
        return body;
    }

    /**
     * @return the body parsed as JSON into plain Java values ({@code Map}, {@code List}, {@code String},
     *         {@code Number}, {@code Boolean}, null), with object fields in the order they were sent
     * @throws IllegalStateException when the body is not JSON
     */
    public Object bodyAsJson() {
        return Json.read(body.getBytes(StandardCharsets.UTF_8))
                .orElseThrow(() -> new IllegalStateException("the body of " + this + " is not JSON"));
    }

    /** @return when it arrived, on the fake's clock */
    public Instant receivedAt() {
        return receivedAt;
    }

    /** @return true for a {@code POST /api/image/gen} */
    public boolean isSubmit() {
        return method.equals("POST") && path.equals(WireFormat.SUBMIT_PATH);
    }

    /**
     * @param id a task
     * @return true for a {@code GET /api/task/query} of that task
     */
    public boolean isQueryOf(TaskId id) {
        return method.equals("GET") && path.equals(WireFormat.QUERY_PATH)
                && queryParameter("task_id").map(id.value()::equals).orElse(false);
    }

    @Override
    public String toString() {
        return "RecordedRequest[#" + sequence + " " + method + " " + path + (query == null ? "" : "?" + query)
                + ", " + body.length() + " chars]";
    }
}
