package dev.gempix2.core.internal;

import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;

/** Makes the secret tokens that end each task's callback URL. */
public final class CallbackTokens {
    private static final int TOKEN_BYTES = 32;

    private final SecureRandom random = new SecureRandom();

    /** @return 256 random bits, URL-safe base64 without padding (43 characters) */
    public String next() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * @param base the callback base URL, with or without a trailing slash
     * @param token the token
     * @return {@code <base>/<token>}
     */
    public static URI callbackUrl(URI base, String token) {
        String text = base.toString();
        return URI.create((text.endsWith("/") ? text : text + "/") + token);
    }
}
