package dev.gempix2.quarkus.internal;

import dev.gempix2.core.wire.RequestIds;
import io.vertx.core.Context;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpConnection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.jboss.resteasy.reactive.client.impl.ClientRequestContextImpl;
import org.jboss.resteasy.reactive.client.impl.RestClientRequestContext;
import org.jboss.resteasy.reactive.client.spi.ResteasyReactiveClientRequestContext;
import org.jboss.resteasy.reactive.client.spi.ResteasyReactiveClientRequestFilter;

/**
 * Which exchange of the REST Client carries each API request in flight, so that a cancelled call (its deadline
 * passed) closes its connection. Cancelling the future of a REST Client {@code Uni} does not stop the exchange
 * (and cancelling the {@code Uni} itself leaves a request not sent yet holding its pooled connection), so a
 * silent server would hold the connection, and with a small pool every later call, until the read timeout.
 * Registered on {@link GemPix2RestApi}, this filter also adds a call's per-request headers, and notes the exchange of each request that carries a tracked
 * {@code X-Request-Id}; aborting it closes that exchange's connection as soon as it has one, which the pool then
 * replaces. Thread-safe.
 */
public final class ExchangeConnections implements ResteasyReactiveClientRequestFilter {
    private static final Map<String, Slot> IN_FLIGHT = new ConcurrentHashMap<>();
    // A request the filter saw gets its connection within moments; look again this often, this many times.
    private static final long RECHECK_MILLIS = 50;
    private static final int RECHECKS = 100;

    /** Created by the REST Client for each client it builds. */
    public ExchangeConnections() {
    }

    /**
     * @param requestId the {@code X-Request-Id} of a request about to be sent
     * @param headers extra headers for this request (validated by core's {@code RequestOptions})
     * @param ended true once the exchange itself has ended (its connection then serves other requests)
     * @return its slot: {@link Slot#abort()} when the call is cancelled, {@link Slot#release()} when it ends
     */
    static Slot track(String requestId, Map<String, String> headers, BooleanSupplier ended) {
        Slot slot = new Slot(requestId, headers, ended);
        IN_FLIGHT.put(requestId, slot);
        return slot;
    }

    /** @param requestContext a request about to go out: noted when it is one of ours */
    @Override
    public void filter(ResteasyReactiveClientRequestContext requestContext) {
        String requestId = requestContext.getHeaderString(RequestIds.HEADER);
        Slot slot = requestId == null ? null : IN_FLIGHT.get(requestId);
        if (slot == null) {
            return;
        }
        slot.headers.forEach(requestContext.getHeaders()::putSingle);
        if (requestContext instanceof ClientRequestContextImpl known) {
            slot.noted(known.getRestClientRequestContext(), requestContext.getContext());
        }
    }

    /** One call: the REST Client's exchange for it, once the request filter saw it. */
    static final class Slot {
        private final String requestId;
        private final BooleanSupplier ended;
        private final Map<String, String> headers;
        private RestClientRequestContext exchange;
        private Context eventLoop;
        private boolean aborted;

        private Slot(String requestId, Map<String, String> headers, BooleanSupplier ended) {
            this.requestId = requestId;
            this.headers = Map.copyOf(headers);
            this.ended = ended;
        }

        /** The call was cancelled: close the connection its request went out on. */
        void abort() {
            IN_FLIGHT.remove(requestId, this);
            RestClientRequestContext noted;
            Context loop;
            synchronized (this) {
                aborted = true;
                noted = exchange;
                loop = eventLoop;
            }
            closeOnceSent(noted, loop, 0);
        }

        /** The call ended: the connection stays for the next one. */
        void release() {
            IN_FLIGHT.remove(requestId, this);
        }

        private void noted(RestClientRequestContext context, Context loop) {
            synchronized (this) {
                exchange = context;
                eventLoop = loop;
                if (!aborted) {
                    return;
                }
            }
            closeOnceSent(context, loop, 0);
        }

        private void closeOnceSent(RestClientRequestContext context, Context loop, int rechecks) {
            if (context == null || ended.getAsBoolean()) {
                return;   // not seen by the filter yet (it will close it then), or over: nothing to close
            }
            // The REST Client keeps the answer, not always the request: the answer knows its connection.
            HttpClientResponse answer = context.getVertxClientResponse();
            HttpClientRequest request = answer != null ? answer.request() : context.getHttpClientRequest();
            HttpConnection connection = request == null ? null : request.connection();
            if (connection != null) {
                connection.close();
            } else if (loop != null && rechecks < RECHECKS) {
                loop.owner().setTimer(RECHECK_MILLIS, timer -> closeOnceSent(context, loop, rechecks + 1));
            }
        }
    }
}
