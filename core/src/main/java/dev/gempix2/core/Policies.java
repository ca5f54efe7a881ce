package dev.gempix2.core;

import java.time.Duration;

/** Validation shared by the policy builders. */
final class Policies {
    private Policies() {
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
}
