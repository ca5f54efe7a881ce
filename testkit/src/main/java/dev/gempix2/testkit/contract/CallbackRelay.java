package dev.gempix2.testkit.contract;

import com.sun.net.httpserver.HttpServer;
import dev.gempix2.core.CallbackOutcome;
import dev.gempix2.core.CallbackReceiver;
import dev.gempix2.core.error.GemPix2Exception;
import dev.gempix2.core.wire.WireFormat;
import dev.gempix2.testkit.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The smallest webhook endpoint, for the fault matrix: {@code POST /callback/<token>} parsed with core's
 * {@code WireFormat} and handed to a client's {@link CallbackReceiver}, answering its outcome's status (400 for
 * a body that is not a callback). It records every outcome.
 */
final class CallbackRelay implements AutoCloseable {
    private final HttpServer server;
    private final AtomicReference<CallbackReceiver> receiver = new AtomicReference<>();
    private final List<CallbackOutcome> outcomes = new CopyOnWriteArrayList<>();

    CallbackRelay() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        server.createContext("/callback/", exchange -> {
            int status;
            try {
                String path = exchange.getRequestURI().getPath();
                String token = path.substring(path.lastIndexOf('/') + 1);
                String body = new String(exchange.getRequestBody().readNBytes(64 * 1024), StandardCharsets.UTF_8);
                // The testkit's public JSON reading, so that no JSON library shows outside its internals.
                Object json = RecordedRequest.of(0, "POST", path, null, java.util.Map.of(), body, Instant.EPOCH)
                        .bodyAsJson();
                CallbackOutcome outcome = receiver.get().receive(token, WireFormat.readCallback(json));
                outcomes.add(outcome);
                status = outcome.httpStatus();
            } catch (GemPix2Exception | IllegalStateException notACallback) {
                status = 400;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    /** @param target the client's receiver, set once the client is built */
    void deliverTo(CallbackReceiver target) {
        receiver.set(target);
    }

    /** @return the base URL to give a client as its callback base URL */
    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/callback");
    }

    /** @return the outcomes so far, in order */
    List<CallbackOutcome> outcomes() {
        return List.copyOf(outcomes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
