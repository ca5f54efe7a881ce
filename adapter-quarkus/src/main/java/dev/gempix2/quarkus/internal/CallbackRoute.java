package dev.gempix2.quarkus.internal;

import dev.gempix2.core.CallbackOutcome;
import dev.gempix2.core.GemPix2Client;
import dev.gempix2.core.error.InvalidRequestException;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.wire.WireFormat;
import dev.gempix2.quarkus.GemPix2Config;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.lang.System.Logger.Level;

/**
 * The webhook: {@code POST {gempix2.callback.path}/{token}}, registered only when {@code gempix2.callback.base-url}
 * is set. Answers 200 for an accepted or duplicate callback, 404 for an unknown token, 400 for a body that is
 * not a callback, 413 past {@value #MAX_BODY_BYTES} bytes. Answers never echo the request.
 */
@Singleton
public class CallbackRoute {
    /** The largest callback body accepted; real ones are well under 4 KiB. */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    private static final System.Logger LOG = System.getLogger("dev.gempix2");

    private final Instance<GemPix2Client> client;

    CallbackRoute(Instance<GemPix2Client> client) {
        this.client = client;
    }

    void register(@Observes Router router, GemPix2Config config) {
        if (ConfigReading.callbackBaseUrl(config).isEmpty()) {
            return;
        }
        String path = ConfigReading.callbackPath(config);
        router.post(path + "/:token")
                .handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES))
                // The receiver may look the token up in a database: off the event loop.
                .blockingHandler(this::handle, false);
        LOG.log(Level.DEBUG, "GemPix2 callbacks are served at POST {0}/'{token}'", path);
    }

    private void handle(RoutingContext context) {
        String token = context.pathParam("token");
        Buffer body = context.body().buffer();
        Task reported;
        try {
            reported = WireFormat.readCallback(parse(body));
        } catch (InvalidRequestException malformed) {
            client.get().callbacks().reportMalformed();
            answer(context, 400, "not a GemPix2 callback: " + malformed.field().map(f -> f + ": ").orElse("")
                    + "the body must be the JSON callback payload with task_id and status");
            return;
        }
        CallbackOutcome outcome = client.get().callbacks().receive(token, reported);
        answer(context, outcome.httpStatus(), outcome == CallbackOutcome.UNKNOWN_TOKEN
                ? "unknown callback token" : outcome.name().toLowerCase(java.util.Locale.ROOT));
    }

    private static Object parse(Buffer body) {
        if (body == null || body.length() == 0) {
            throw InvalidRequestException.ofField("body", "the callback body is empty");
        }
        try {
            return WireResponses.JSON.readValue(body.getBytes(), Object.class);
        } catch (IOException notJson) {
            throw InvalidRequestException.ofField("body", "the callback body is not JSON");
        }
    }

    private static void answer(RoutingContext context, int status, String message) {
        context.response().setStatusCode(status).putHeader("Content-Type", "text/plain; charset=utf-8")
                .end(message);
    }
}
