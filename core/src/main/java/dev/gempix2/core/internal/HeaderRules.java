package dev.gempix2.core.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one rule for a header an application adds, per request or as a default: a valid name, not one the SDK or
 * HTTP itself sets, and a value on one line.
 */
public final class HeaderRules {
    private static final Set<String> RESERVED = Set.of("authorization", "content-length", "content-type", "host",
            "transfer-encoding", "connection", "expect", "upgrade", "te", "trailer", "keep-alive", "user-agent",
            "proxy-authorization");

    private HeaderRules() {
    }

    /**
     * @param setting how the user named the place the header came from, e.g. {@code header} or
     *                {@code gempix2.default-headers}
     * @param name the header's name
     * @param value its value
     * @throws IllegalArgumentException naming the setting and what is wrong (never the value: it may be a secret)
     */
    public static void check(String setting, String name, String value) {
        if (name == null || name.isEmpty() || !name.chars().allMatch(HeaderRules::isTokenChar)) {
            throw new IllegalArgumentException(setting + ": header name must be an HTTP token such as X-Tenant, got '"
                    + name + "'");
        }
        if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException(setting + ": header " + name
                    + " is set by the SDK or by HTTP itself and cannot be added");
        }
        if (value == null || !value.chars().allMatch(c -> c == '\t' || (c >= 0x20 && c != 0x7f))) {
            throw new IllegalArgumentException(setting + ": header " + name
                    + " must have a value on one line without control characters");
        }
    }

    /**
     * Checks a header and adds it, replacing a value of the same name in any case.
     *
     * @param setting how the user named the place the header came from
     * @param headers the headers so far, in the order added
     * @param name the header's name
     * @param value its value
     * @throws IllegalArgumentException as {@link #check(String, String, String)}
     */
    public static void put(String setting, Map<String, String> headers, String name, String value) {
        check(setting, name, value);
        headers.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
        headers.put(name, value);
    }

    private static boolean isTokenChar(int c) {
        return c > 0x20 && c < 0x7f && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
    }
}
