package dev.gempix2.core;

import java.time.Duration;

/** Validation shared by the policy builders. */
final class Policies {
    /** The longest duration a schedule setting may have: longer ones are mistakes, and would overflow. */
    static final Duration LONGEST = Duration.ofHours(24);

    private Policies() {
    }

    /**
     * @param name the setting, for the message
     * @param value its value
     * @return the value, when positive and at most {@link #LONGEST}
     */
    static Duration requireSanePositive(String name, Duration value) {
        return requireAtMostADay(name, requirePositive(name, value));
    }

    /**
     * @param name the setting, for the message
     * @param value its value
     * @return the value, when zero or positive and at most {@link #LONGEST}
     */
    static Duration requireSaneNotNegative(String name, Duration value) {
        return requireAtMostADay(name, requireNotNegative(name, value));
    }

    private static Duration requireAtMostADay(String name, Duration value) {
        if (value.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException(name + " must be at most 24 hours (PT24H), got " + value);
        }
        return value;
    }

    static Duration requirePositive(String name, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + value);
        }
        return value;
    }

    static Duration requireNotNegative(String name, Duration value) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be zero or a positive duration, got " + value);
        }
        return value;
    }

    /**
     * @param path a callback route as configured
     * @return it without a trailing slash, when it has a leading slash and no spaces, {@code : * ? # { }}
     */
    static String requireCallbackPath(String path) {
        String trimmed = path == null ? "" : path.strip();
        if (trimmed.endsWith("/") && trimmed.length() > 1) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (!trimmed.startsWith("/") || trimmed.length() < 2 || trimmed.chars().anyMatch(
                c -> Character.isWhitespace(c) || ":*?#{}".indexOf(c) >= 0)) {
            throw new IllegalArgumentException("callbackPath must be a path such as /gempix2/callback (leading "
                    + "slash; no spaces, ':', '*', '?', '#' or braces), got '" + path + "'");
        }
        return trimmed;
    }
}
