package dev.gempix2.testkit.internal;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** The API keys the fake accepts. Thread-safe. */
public final class KeyRing {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CopyOnWriteArrayList<String> keys = new CopyOnWriteArrayList<>();

    /** @return a new key in the provider's shape, {@code dk-} and 32 hex digits */
    public static String generate() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return "dk-" + HexFormat.of().formatHex(bytes);
    }

    /** @param key a key to accept from now on */
    public void add(String key) {
        keys.addIfAbsent(key);
    }

    /** @param key a key to refuse from now on */
    public void remove(String key) {
        keys.remove(key);
    }

    /** @return the first key added */
    public String first() {
        return keys.get(0);
    }

    /**
     * @param authorization the {@code Authorization} header, may be null
     * @return the key it carries, when it is {@code Bearer <a key this fake accepts>}
     */
    public Optional<String> authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String key = authorization.substring(7);
        return keys.contains(key) ? Optional.of(key) : Optional.empty();
    }
}
