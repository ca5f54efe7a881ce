package dev.gempix2.repository.jdbc.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Callback tokens are stored as their SHA-256 hash only, so that a copy of the table cannot forge a callback.
 * A record read back by anything but its token carries the token's masked form, {@code sha256-<hex>}: present
 * (the client knows callbacks are expected) but useless to an attacker.
 */
public final class TokenHashes {
    private static final String MASK_PREFIX = "sha256-";

    private TokenHashes() {
    }

    /**
     * @param token a callback token
     * @return its SHA-256 hash
     */
    public static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK has SHA-256", impossible);
        }
    }

    /**
     * @param hash a stored hash
     * @return what a record read back without knowing its token carries instead
     */
    public static String masked(byte[] hash) {
        return MASK_PREFIX + HexFormat.of().formatHex(hash);
    }
}
