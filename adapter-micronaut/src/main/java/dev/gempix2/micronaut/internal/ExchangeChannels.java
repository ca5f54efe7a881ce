package dev.gempix2.micronaut.internal;

import dev.gempix2.core.wire.RequestIds;
import io.micronaut.http.client.netty.NettyClientCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which connection carries each API exchange in flight, so that a cancelled exchange (a call's deadline) closes
 * its connection. Cancelling Micronaut's streamed exchange only stops the delivery of the body: the client then
 * reads the rest of the answer to keep the connection, so a silent server would hold it (and, with a small pool,
 * every later call) until the read timeout. A handler on each client connection notes the connection an
 * API request (known by its {@code X-Request-Id}) is written to; aborting the exchange closes that connection,
 * which the pool then replaces. Thread-safe.
 */
final class ExchangeChannels {
    private static final String HANDLER_NAME = "gempix2-exchange-channels";
    private static final Map<String, Slot> IN_FLIGHT = new ConcurrentHashMap<>();
    private static final ChannelHandler NOTE_CHANNEL = new NoteChannel();

    private ExchangeChannels() {
    }

    /**
     * @param requestId the {@code X-Request-Id} of a request about to be sent
     * @return its slot: {@link Slot#abort()} when the exchange is cancelled, {@link Slot#release()} when it ends
     */
    static Slot track(String requestId) {
        Slot slot = new Slot(requestId);
        IN_FLIGHT.put(requestId, slot);
        return slot;
    }

    /** @return the customizer that puts the handler on every connection of the application's HTTP clients */
    static NettyClientCustomizer customizer() {
        return new OnConnections(null);
    }

    /** One exchange: the connection it was written to, once it was. */
    static final class Slot {
        private final String requestId;
        private Channel channel;
        private boolean aborted;

        private Slot(String requestId) {
            this.requestId = requestId;
        }

        /** The exchange was cancelled: close its connection, now or as soon as the request is written. */
        void abort() {
            IN_FLIGHT.remove(requestId, this);
            Channel written;
            synchronized (this) {
                aborted = true;
                written = channel;
            }
            if (written != null) {
                written.close();
            }
        }

        /** The exchange ended: its connection stays for the next one. */
        void release() {
            IN_FLIGHT.remove(requestId, this);
        }

        private void writtenTo(Channel connection) {
            boolean close;
            synchronized (this) {
                channel = connection;
                close = aborted;
            }
            if (close) {
                connection.close();
            }
        }
    }

    @ChannelHandler.Sharable
    private static final class NoteChannel extends ChannelOutboundHandlerAdapter {
        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
            if (msg instanceof HttpRequest request) {
                String requestId = request.headers().get(RequestIds.HEADER);
                Slot slot = requestId == null ? null : IN_FLIGHT.get(requestId);
                if (slot != null) {
                    slot.writtenTo(ctx.channel());
                }
            }
            super.write(ctx, msg, promise);
        }
    }

    private record OnConnections(Channel channel) implements NettyClientCustomizer {
        @Override
        public NettyClientCustomizer specializeForChannel(Channel connection, ChannelRole role) {
            return new OnConnections(connection);
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel != null && channel.pipeline().get(HANDLER_NAME) == null) {
                channel.pipeline().addLast(HANDLER_NAME, NOTE_CHANNEL);
            }
        }
    }
}
