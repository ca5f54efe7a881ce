package dev.gempix2.core.wire;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The request id a support desk asks for, the same on every transport: each request carries a fresh
 * {@value #HEADER} made here; an {@link dev.gempix2.core.error.ApiException} reports the provider's own id when its
 * answer names one, else that id.
 */
public final class RequestIds {
    /** The header every request carries. */
    public static final String HEADER = "X-Request-Id";
    /** Response headers that name the provider's id for a request, looked up in this order (lower case). */
    private static final List<String> PROVIDER_HEADERS = List.of("x-request-id", "request-id", "x-amzn-requestid",
            "x-correlation-id");
    /** Response headers never kept: they may hold session secrets. */
    private static final List<String> SECRET_HEADERS = List.of("set-cookie", "set-cookie2", "cookie",
            "authorization", "proxy-authorization");

    private RequestIds() {
    }

    /** @return a new id for one request, such as {@code gp2-3f2a...}: random, so it says nothing of the caller */
    public static String newId() {
        return "gp2-" + UUID.randomUUID();
    }

    /**
     * @param headers a response's headers, any case; may be null
     * @return them with lower-case names and without cookies or credentials, in name order
     */
    public static Map<String, List<String>> headersOf(Map<String, List<String>> headers) {
        Map<String, List<String>> kept = new TreeMap<>();
        if (headers == null) {
            return kept;
        }
        headers.forEach((name, values) -> {
            if (name == null || values == null) {
                return;
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (!SECRET_HEADERS.contains(lower)) {
                kept.computeIfAbsent(lower, ignored -> new java.util.ArrayList<>()).addAll(values);
            }
        });
        kept.replaceAll((name, values) -> List.copyOf(values));
        return kept;
    }

    /**
     * @param response an answer
     * @return the provider's request id when a header names one, else the id the request carried
     */
    public static Optional<String> of(WireResponse response) {
        for (String name : PROVIDER_HEADERS) {
            List<String> values = response.headers().get(name);
            if (values != null && !values.isEmpty() && !values.get(0).isBlank()) {
                return Optional.of(values.get(0).strip());
            }
        }
        return Optional.ofNullable(response.sentRequestId());
    }
}
