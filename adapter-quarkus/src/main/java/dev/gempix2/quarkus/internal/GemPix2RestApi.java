package dev.gempix2.quarkus.internal;

import dev.gempix2.core.wire.RequestIds;
import dev.gempix2.core.wire.UserAgent;
import dev.gempix2.core.wire.WireFormat;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The GemPix2 HTTP API as a Quarkus REST Client, config key {@code gempix2}: its URL defaults to
 * {@code gempix2.base-url} (see {@code META-INF/microprofile-config.properties}) and
 * {@code quarkus.rest-client.gempix2.*} tunes timeouts, TLS and proxy.
 *
 * <p>Bodies travel as raw JSON text: the transport parses them into plain values for {@link WireFormat}, so no
 * class of ours is bound by reflection. Statuses of 300 and more become exceptions in {@link ErrorResponseMapper}.
 */
@RegisterRestClient(configKey = "gempix2")
@RegisterProvider(ErrorResponseMapper.class)
@RegisterProvider(ExchangeConnections.class)
@ClientHeaderParam(name = "User-Agent", value = "{userAgent}")
public interface GemPix2RestApi {

    /** @return the {@code User-Agent} every request of this client sends, the same form on every transport */
    default String userAgent() {
        return UserAgent.value("quarkus", null);
    }

    /**
     * @param authorization {@code Bearer <key>}
     * @param requestId the request's id for support, a new one per request
     * @param traceparent an observer's W3C trace context, or null for none
     * @param tracestate its vendor state, or null for none
     * @param json the request body
     * @return the answer
     */
    @POST
    @Path(WireFormat.SUBMIT_PATH)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Response> submit(@HeaderParam("Authorization") String authorization,
                         @HeaderParam(RequestIds.HEADER) String requestId,
                         @HeaderParam("traceparent") String traceparent, @HeaderParam("tracestate") String tracestate,
                         String json);

    /**
     * @param authorization {@code Bearer <key>}
     * @param requestId the request's id for support, a new one per request
     * @param traceparent an observer's W3C trace context, or null for none
     * @param tracestate its vendor state, or null for none
     * @param taskId the task
     * @return the answer
     */
    @GET
    @Path(WireFormat.QUERY_PATH)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Response> query(@HeaderParam("Authorization") String authorization,
                        @HeaderParam(RequestIds.HEADER) String requestId,
                        @HeaderParam("traceparent") String traceparent, @HeaderParam("tracestate") String tracestate,
                        @QueryParam("task_id") String taskId);
}
