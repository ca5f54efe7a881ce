package dev.gempix2.core.model;

import dev.gempix2.core.error.InvalidRequestException;

/**
 * A GemPix2 API key ({@code dk-…}). Its {@link #toString()} is masked, so that it can be passed around and
 * logged without leaking; only {@link #reveal()} gives the secret, for the {@code Authorization} header.
 */
public final class ApiKey {
    private final String secret;

    private ApiKey(String secret) {
        this.secret = secret;
    }

    /**
     * @param secret the key as issued, e.g. {@code dk-1234567890abcdef}
     * @return the key
     * @throws InvalidRequestException naming {@code api_key} when blank or holding spaces or control characters
     *                                 (the message never shows the key)
     */
    public static ApiKey of(String secret) {
        if (secret == null || secret.isBlank()) {
            throw InvalidRequestException.ofField("api_key", "must not be blank (set GEMPIX2_API_KEY)");
        }
        String trimmed = secret.strip();
        if (!trimmed.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw InvalidRequestException.ofField("api_key", "must be printable ASCII without spaces");
        }
        return new ApiKey(trimmed);
    }

    /** @return the secret itself; use it only to build the {@code Authorization} header */
    public String reveal() {
        return secret;
    }

    /** @return {@code Bearer <key>}, the {@code Authorization} header value */
    public String authorizationHeader() {
        return "Bearer " + secret;
    }

    /** @return the masked form: {@code dk-…} and the last 4 characters */
    public String masked() {
        return mask(secret);
    }

    /**
     * Masks any key-like secret: the {@code dk-} prefix (when present), an ellipsis and the last 4 characters.
     *
     * @param secret the secret, may be null
     * @return the masked form, never the secret
     */
    public static String mask(String secret) {
        if (secret == null || secret.isEmpty()) {
            return "(none)";
        }
        String prefix = secret.startsWith("dk-") ? "dk-" : "";
        String tail = secret.length() > 12 ? secret.substring(secret.length() - 4) : "";
        return prefix + "…" + tail;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiKey that && secret.equals(that.secret);
    }

    @Override
    public int hashCode() {
        return secret.hashCode();
    }

    @Override
    public String toString() {
        return masked();
    }
}
