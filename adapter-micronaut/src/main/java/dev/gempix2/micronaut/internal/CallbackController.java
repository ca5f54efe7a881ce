package dev.gempix2.micronaut.internal;

import dev.gempix2.core.CallbackOutcome;
import dev.gempix2.core.GemPix2Client;
import dev.gempix2.core.error.InvalidRequestException;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.wire.WireFormat;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;

/**
 * The webhook endpoint: {@code POST ${gempix2.callback.path}/{token}} (default {@code /gempix2/callback}),
 * served only when {@code gempix2.callback.base-url} is set. It hands the reported task to
 * {@link GemPix2Client#callbacks()} and answers 200 when the callback was accepted or was a duplicate, 404 for
 * a token no task holds, 400 for a body that is not a callback, and 413 past {@value #MAX_BODY_BYTES} bytes.
 * Its answers never echo the request.
 *
 * <p>Runs on Micronaut's blocking executor, since the task repository may be a database. Not API: public only
 * because Micronaut's generated code needs it; its path and answers are what users rely on.
 */
@Controller("${gempix2.callback.path:/gempix2/callback}")
@Requires(property = "gempix2.callback.base-url")
@Requires(beans = GemPix2Client.class)
@ExecuteOn(TaskExecutors.BLOCKING)
public class CallbackController {
    /** The largest callback body accepted; a real one is well under 4 KiB. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private final GemPix2Client client;
    private final JsonMapper json;

    /**
     * @param client the client whose tasks the callbacks report on
     * @param json the application's JSON mapper
     */
    public CallbackController(GemPix2Client client, JsonMapper json) {
        this.client = client;
        this.json = json;
    }

    /**
     * @param token the last path segment of the task's callback URL
     * @param body the callback's JSON body
     * @return 200, 400, 404 or 413 with a short JSON message
     */
    @Post(uri = "/{token}", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<Map<String, String>> receive(@PathVariable String token, @Body @Nullable byte[] body) {
        if (body == null || body.length == 0) {
            client.callbacks().reportMalformed();
            return HttpResponse.badRequest(message("the callback body is empty; a JSON callback payload is expected"));
        }
        if (body.length > MAX_BODY_BYTES) {
            client.callbacks().reportMalformed();
            return HttpResponse.<Map<String, String>>status(HttpStatus.REQUEST_ENTITY_TOO_LARGE)
                    .body(message("the callback body is larger than " + MAX_BODY_BYTES + " bytes"));
        }
        Object parsed;
        try {
            parsed = json.readValue(body, Argument.OBJECT_ARGUMENT);
        } catch (IOException | RuntimeException notJson) {
            client.callbacks().reportMalformed();
            return HttpResponse.badRequest(message("the callback body is not valid JSON"));
        }
        Task reported;
        try {
            reported = WireFormat.readCallback(parsed);
        } catch (InvalidRequestException notACallback) {
            client.callbacks().reportMalformed();
            return HttpResponse.badRequest(message("the callback body is not a GemPix2 callback: "
                    + notACallback.getMessage()));
        }
        CallbackOutcome outcome = client.callbacks().receive(token, reported);
        if (outcome == CallbackOutcome.UNKNOWN_TOKEN) {
            return HttpResponse.notFound(message("no task waits for a callback with this token"));
        }
        return HttpResponse.ok(Map.of("outcome", outcome.name().toLowerCase(Locale.ROOT)));
    }

    private static Map<String, String> message(String text) {
        return Map.of("message", text);
    }
}
