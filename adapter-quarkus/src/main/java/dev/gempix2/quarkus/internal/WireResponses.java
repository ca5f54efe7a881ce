package dev.gempix2.quarkus.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gempix2.core.error.TransportException;
import dev.gempix2.core.wire.ApiAnswerLimit;
import dev.gempix2.core.wire.WireResponse;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * JSON in and out for the transport, with a private Jackson mapper: bodies become plain Maps, Lists, Strings,
 * Numbers and Booleans for {@link dev.gempix2.core.wire.WireFormat}, whatever the application has done to its
 * own {@code ObjectMapper}.
 */
final class WireResponses {
    static final ObjectMapper JSON = new ObjectMapper();

    private WireResponses() {
    }

    /**
     * @param response an answer of the API
     * @param requestId the {@code X-Request-Id} the request carried, or null when unknown here
     * @return it as core reads it, with its headers
     */
    static WireResponse read(Response response, String requestId) {
        String retryAfter = response.getHeaderString("Retry-After");
        // The REST Client has read the whole body by now (it has no cap of its own): the cap is applied here, so
        // that an answer past it fails as on every transport, though only after it arrived.
        if (response.getLength() > ApiAnswerLimit.MAX_BYTES) {
            throw ApiAnswerLimit.tooLarge("a GemPix2 request", response.getLength());
        }
        byte[] body = response.hasEntity() ? response.readEntity(byte[].class) : new byte[0];
        if (body.length > ApiAnswerLimit.MAX_BYTES) {
            throw ApiAnswerLimit.tooLarge("a GemPix2 request", -1);
        }
        return parse(response.getStatus(), body, retryAfter).withExchange(response.getStringHeaders(), requestId);
    }

    /**
     * @param status the HTTP status
     * @param body the raw body
     * @param retryAfter the {@code Retry-After} header, or null
     * @return the response, {@linkplain WireResponse#unparseable unparseable} when the body is not JSON
     */
    static WireResponse parse(int status, byte[] body, String retryAfter) {
        return WireResponse.parse(status, body, retryAfter);
    }

    /**
     * @param body a request body as plain values
     * @return its JSON text
     */
    static String write(Map<String, Object> body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException impossible) {
            // Plain maps, lists and strings always serialise; reaching here is a bug in the caller.
            throw new TransportException("could not write the request body as JSON", false, impossible);
        }
    }
}
