package dev.gempix2.core.model;

import dev.gempix2.core.error.InvalidRequestException;
import java.util.regex.Pattern;

/**
 * A GemPix2 model id such as {@code google/gempix2}. Any well-formed id is accepted, since the provider adds
 * models often; the constants name the documented ones.
 *
 * @param id the id as sent in the request's {@code model} field
 */
public record Model(String id) {
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9._-]+)*");
    private static final int MAX_LENGTH = 200;

    /** Nano Banana, the default model. */
    public static final Model GEMPIX2 = new Model("google/gempix2");
    /** Gemini 2.5 Flash Image. */
    public static final Model GEMINI_2_5_FLASH_IMAGE = new Model("google/gemini-2.5-flash-image");

    /**
     * @param id the id as sent in the request's {@code model} field
     * @throws InvalidRequestException naming {@code model} when the id is blank or not of the form {@code vendor/name}
     */
    public Model {
        if (id == null || id.isBlank()) {
            throw InvalidRequestException.ofField("model", "must not be blank");
        }
        if (id.length() > MAX_LENGTH || !WELL_FORMED.matcher(id).matches()) {
            throw InvalidRequestException.ofField("model",
                    "'" + Printable.truncate(id) + "' is not a model id (expected something like google/gempix2)");
        }
    }

    /**
     * @param id a model id, e.g. {@code "google/gempix2"}
     * @return the model
     * @throws InvalidRequestException when the id is malformed
     */
    public static Model of(String id) {
        return new Model(id);
    }

    @Override
    public String toString() {
        return id;
    }
}
