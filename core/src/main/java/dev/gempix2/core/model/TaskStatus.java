package dev.gempix2.core.model;

import java.lang.System.Logger.Level;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Where a task is in its life. Only {@link #SUCCESS} and {@link #FAILED} are final. */
public enum TaskStatus {
    /** Created, waiting to be processed. */
    PENDING("pending"),
    /** Handed to the generation queue. */
    SUBMITTED("submitted"),
    /** Being generated now. */
    IN_PROGRESS("in_progress"),
    /** Finished; images were generated. */
    SUCCESS("success"),
    /** Ended with an error. */
    FAILED("failed"),
    /** A status this version of the library does not know: treated as not final, so waits go on. */
    UNKNOWN("unknown");

    private static final System.Logger LOG = System.getLogger("dev.gempix2");
    private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

    private final String wireValue;

    TaskStatus(String wireValue) {
        this.wireValue = wireValue;
    }

    /** @return the status as the API spells it, e.g. {@code in_progress} */
    public String wireValue() {
        return wireValue;
    }

    /** @return true for {@link #SUCCESS} and {@link #FAILED} */
    public boolean isFinal() {
        return this == SUCCESS || this == FAILED;
    }

    /**
     * Reads a status as the API spells it. An unknown value gives {@link #UNKNOWN} and is logged once.
     *
     * @param value the wire value, e.g. {@code "in_progress"}; null gives {@link #UNKNOWN}
     * @return the status
     */
    public static TaskStatus fromWire(String value) {
        if (value != null) {
            String normalized = value.trim().toLowerCase(Locale.ROOT);
            for (TaskStatus status : values()) {
                if (status != UNKNOWN && status.wireValue.equals(normalized)) {
                    return status;
                }
            }
        }
        String shown = value == null ? "null" : Printable.truncate(value);
        if (REPORTED.size() < 100 && REPORTED.add(shown)) {
            LOG.log(Level.WARNING, "GemPix2 sent task status ''{0}'', unknown to this version; waiting goes on", shown);
        }
        return UNKNOWN;
    }
}
