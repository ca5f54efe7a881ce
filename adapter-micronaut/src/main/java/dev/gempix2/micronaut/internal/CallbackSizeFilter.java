package dev.gempix2.micronaut.internal;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.Map;

/**
 * Turns a callback whose declared length is over the cap away before its body is read, so that nobody can make
 * the app buffer megabytes through the webhook. (A chunked body is checked by the controller once read, within
 * Micronaut's own {@code micronaut.server.max-request-size}.)
 */
@ServerFilter("${gempix2.callback.path:/gempix2/callback}/**")
@Requires(property = "gempix2.callback.base-url")
public final class CallbackSizeFilter {

    /**
     * @param request the incoming callback
     * @return a 413 when its {@code Content-Length} is over the cap; null to go on
     */
    @RequestFilter
    @Nullable
    public HttpResponse<?> rejectOversized(HttpRequest<?> request) {
        if (request.getContentLength() > CallbackController.MAX_BODY_BYTES) {
            return HttpResponse.status(HttpStatus.REQUEST_ENTITY_TOO_LARGE).body(Map.of("message",
                    "the callback body is larger than " + CallbackController.MAX_BODY_BYTES + " bytes"));
        }
        return null;
    }
}
