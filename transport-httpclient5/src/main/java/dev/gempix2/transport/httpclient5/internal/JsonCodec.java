package dev.gempix2.transport.httpclient5.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.gempix2.core.wire.ApiAnswerLimit;
import java.io.IOException;

/**
 * This module's only {@link ObjectMapper}: JSON to plain Java values ({@code Map}, {@code List}, {@code String},
 * {@code Number}, {@code Boolean}, {@code null}) and back. The mapping rules themselves live in core's
 * {@code WireFormat}; this class only turns bytes into values. Never the application's own mapper, so that
 * its settings cannot change what we send or read.
 */
public final class JsonCodec {
    /** The largest JSON body read; a result may hold a whole image as a base64 data URI. */
    public static final int MAX_BODY_BYTES = ApiAnswerLimit.MAX_BYTES;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_BODY_BYTES).build())
                    .build())
            // Keeps "consumed": 0.5 exact when a provider sends a number instead of the documented string.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonCodec() {
    }

    /**
     * @param body raw bytes, UTF-8 JSON
     * @return the document as plain Java values
     * @throws IOException when the bytes are not one complete JSON document
     */
    public static Object read(byte[] body) throws IOException {
        return MAPPER.readValue(body, Object.class);
    }

    /**
     * @param value plain Java values, as {@code WireFormat.requestBody} builds them
     * @return UTF-8 JSON
     * @throws JsonProcessingException when a value has no JSON form
     */
    public static byte[] write(Object value) throws JsonProcessingException {
        return MAPPER.writeValueAsBytes(value);
    }
}
