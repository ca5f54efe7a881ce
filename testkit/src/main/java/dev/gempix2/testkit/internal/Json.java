package dev.gempix2.testkit.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/** The fake's JSON: plain Java values in, bytes out, and back. */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private Json() {
    }

    /**
     * @param value maps, lists, strings, numbers, booleans, null
     * @return its JSON as UTF-8 bytes
     */
    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }

    /**
     * @param value maps, lists, strings, numbers, booleans, null
     * @return its JSON as text
     */
    public static String text(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }

    /**
     * @param bytes a JSON document
     * @return its value as plain Java values (objects as ordered maps), or empty when it is not JSON (or is
     *         the bare literal {@code null}, which holds nothing the fake could use)
     */
    public static Optional<Object> read(byte[] bytes) {
        if (bytes.length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(MAPPER.readValue(bytes, Object.class));
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }
}
