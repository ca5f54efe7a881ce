package dev.gempix2.repository.jdbc.internal;

import dev.gempix2.core.error.GemPix2Exception;

/** A row that cannot be made a record (a newer layout, a corrupt JSON column); names its record id. */
public final class UnreadableRowException extends GemPix2Exception {
    private final String recordId;

    /**
     * @param recordId the row's record id
     * @param why what is wrong with it
     */
    public UnreadableRowException(String recordId, String why) {
        super("GemPix2 task record " + recordId + " cannot be read: " + why);
        this.recordId = recordId;
    }

    /** @return the row's record id */
    public String recordId() {
        return recordId;
    }
}
