package dev.gempix2.repository.jdbc.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The callback tokens of the records this repository object saved, most recent 10,000, so that it reads its
 * own records back exactly; the table holds only their hashes. Any other record comes back with the token
 * masked. Thread-safe.
 */
public final class TokenCache {
    private static final int CAPACITY = 10_000;

    private final Map<String, String> tokens = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > CAPACITY;
        }
    };

    /**
     * @param recordId a record this object saved
     * @param token its callback token
     */
    public synchronized void remember(String recordId, String token) {
        tokens.put(recordId, token);
    }

    /**
     * @param recordId a record read back
     * @param hash its stored token hash
     * @return the token when this object saved it, else its masked form
     */
    public synchronized String tokenOrMask(String recordId, byte[] hash) {
        String token = tokens.get(recordId);
        if (token != null && java.security.MessageDigest.isEqual(TokenHashes.hash(token), hash)) {
            return token;
        }
        return TokenHashes.masked(hash);
    }
}
