package dev.gempix2.core.internal;

import dev.gempix2.core.error.InvalidRequestException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** The client's checks of its callers' arguments, failing the call's future with a message naming the field. */
public final class CallArguments {
    private CallArguments() {
    }

    /**
     * @param result the call's future
     * @param value the argument
     * @param field its name, for the message
     * @return true when it was null and the future has failed
     */
    public static boolean failIfNull(CompletableFuture<?> result, Object value, String field) {
        if (value == null) {
            result.completeExceptionally(InvalidRequestException.ofField(field, "must not be null"));
            return true;
        }
        return false;
    }

    /**
     * @param result the call's future
     * @param timeout the timeout argument
     * @return true when it was not a positive duration and the future has failed
     */
    public static boolean failIfNotPositive(CompletableFuture<?> result, Duration timeout) {
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            result.completeExceptionally(InvalidRequestException.ofField("timeout",
                    "must be a positive duration, got " + timeout));
            return true;
        }
        return false;
    }
}
