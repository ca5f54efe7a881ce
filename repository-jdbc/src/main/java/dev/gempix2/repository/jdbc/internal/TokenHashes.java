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
     * @param token a callback token as a record carries it: the token itself, or its masked form
     * @return the hash to store: the token's SHA-256, or the hash inside the mask (a record read back and saved
     *         again keeps its token's hash)
     */
    public static byte[] hashToStore(String token) {
        if (token.length() == MASK_PREFIX.length() + 64 && token.startsWith(MASK_PREFIX)) {
            try {
                return HexFormat.of().parseHex(token, MASK_PREFIX.length(), token.length());
            } catch (IllegalArgumentException notHex) {
                return hash(token);
            }
        }
        return hash(token);
    }

    /**
     * @param hash a stored hash
     * @return what a record read back without knowing its token carries instead
     */
    public static String masked(byte[] hash) {
        return MASK_PREFIX + HexFormat.of().formatHex(hash);
    }
}
