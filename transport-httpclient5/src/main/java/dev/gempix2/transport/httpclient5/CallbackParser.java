package dev.gempix2.transport.httpclient5;

import dev.gempix2.core.error.InvalidRequestException;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.wire.WireFormat;
import dev.gempix2.transport.httpclient5.internal.JsonCodec;
import java.io.IOException;

/**
 * Reads the body of a GemPix2 callback (the webhook POSTed to a task's {@code callback_url}) for apps that
 * receive webhooks in their own server: a servlet, the JDK {@code HttpServer}, anything that hands over bytes.
 *
 * <pre>{@code
 * // in your handler for POST /gempix2/callback/{token}
 * Task reported = CallbackParser.parse(requestBody);
 * CallbackOutcome outcome = client.callbacks().receive(token, reported);
 * respond(outcome.httpStatus());
 * }</pre>
 */
public final class CallbackParser {

    private CallbackParser() {
    }

    /**
     * @param body the request's raw body, UTF-8 JSON
     * @return the reported snapshot, a hint that the client confirms before trusting it
     * @throws InvalidRequestException when the body is empty, not JSON, or not a callback payload; its message
     *                                 names what is wrong (answer such a request with HTTP 400)
     */
    public static Task parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw InvalidRequestException.ofField("body", "a callback body must not be empty");
        }
        Object json;
        try {
            json = JsonCodec.read(body);
        } catch (IOException notJson) {
            throw InvalidRequestException.ofField("body", "a callback body must be JSON ("
                    + firstLine(notJson.getMessage()) + ")");
        }
        return WireFormat.readCallback(json);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
