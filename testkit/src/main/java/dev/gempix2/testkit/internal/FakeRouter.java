package dev.gempix2.testkit.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.gempix2.core.wire.WireFormat;
import dev.gempix2.testkit.Fault;
import dev.gempix2.testkit.FakeResponse;
import dev.gempix2.testkit.RecordedRequest;
import dev.gempix2.testkit.Responder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * The fake's one HTTP handler: records each request, lets a custom responder answer it, routes it to its
 * endpoint, applies the fault the script chose, and writes the answer. Never lets an exception escape: a bug
 * in a responder becomes a 500 that names it.
 */
public final class FakeRouter implements HttpHandler {
    private static final System.Logger LOG = System.getLogger("dev.gempix2");
    private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private final BackendContext context;
    private final SubmitEndpoint submit;
    private final QueryEndpoint query;
    private final FileEndpoint files;

    /** @param context the fake's state */
    public FakeRouter(BackendContext context) {
        this.context = context;
        this.submit = new SubmitEndpoint(context);
        this.query = new QueryEndpoint(context);
        this.files = new FileEndpoint(context);
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            byte[] body = readBody(exchange);
            RecordedRequest request = RecordedRequest.of(context.journal().nextSequence(),
                    exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(),
                    body == null ? "" : new String(body, StandardCharsets.UTF_8), context.clock().now());
            context.journal().record(request);
            FakeResponse response = body == null
                    ? ProviderAnswers.invalid("request body is larger than " + MAX_BODY_BYTES / (1024 * 1024) + " MB")
                    : answer(request, exchange.getRequestHeaders().getFirst("Authorization"));
            write(exchange, response);
        } catch (StalledBody stalled) {
            // The connection is dropped on purpose: the exchange closes with its body unfinished.
        } catch (IOException | RuntimeException failure) {
            LOG.log(System.Logger.Level.WARNING, "GemPix2 fake: failed to answer "
                    + exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath(), failure);
            writeQuietly(exchange, ProviderAnswers.error(500, 1, "fake backend error: " + failure));
        } finally {
            exchange.close();
        }
    }

    private FakeResponse answer(RecordedRequest request, String authorization) {
        Responder responder = context.responder();
        if (responder != null) {
            FakeResponse custom = responder.respond(request);
            if (custom != null) {
                return custom;
            }
        }
        return apply(route(request, authorization));
    }

    private Answer route(RecordedRequest request, String authorization) {
        String path = request.path();
        String method = request.method();
        if (path.equals(WireFormat.SUBMIT_PATH)) {
            return method.equals("POST") ? submit.answer(request, authorization)
                    : Answer.of(ProviderAnswers.methodNotAllowed("POST"));
        }
        if (path.equals(WireFormat.QUERY_PATH)) {
            return method.equals("GET") ? query.answer(request, authorization)
                    : Answer.of(ProviderAnswers.methodNotAllowed("GET"));
        }
        if (path.startsWith(FileEndpoint.PREFIX)) {
            return method.equals("GET") || method.equals("HEAD") ? Answer.of(files.answer(path))
                    : Answer.of(ProviderAnswers.methodNotAllowed("GET"));
        }
        return Answer.of(ProviderAnswers.notFound("endpoint"));
    }

    private FakeResponse apply(Answer answer) {
        Optional<Fault> fault = answer.fault();
        // A fault that strikes after creating the task does the usual work (the task exists) before anything else.
        Optional<FakeResponse> done = fault.filter(Fault::createsTheTask).map(ignored -> answer.usual().get());
        if (fault.isPresent() && !fault.get().delay().isZero()
                && !context.holds().await(fault.get().delay(), context.scheduler())) {
            return FakeResponse.dropConnection();
        }
        return fault.flatMap(Fault::response).or(() -> done).orElseGet(answer.usual());
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            return body.length > MAX_BODY_BYTES ? null : body;
        }
    }

    // Thrown to leave an answer unfinished, so that closing the exchange drops the connection.
    private static final class StalledBody extends RuntimeException {
        StalledBody() {
            super(null, null, false, false);
        }
    }

    private void write(HttpExchange exchange, FakeResponse response) throws IOException {
        if (response.dropsConnection()) {
            return; // closing the exchange before any header is sent closes the connection
        }
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        byte[] body = response.body();
        int status = response.status();
        boolean bodyless = body.length == 0 || exchange.getRequestMethod().equals("HEAD")
                || status == 204 || status == 304 || status < 200;
        // 0 makes the JDK's server send Transfer-Encoding: chunked, without Content-Length.
        exchange.sendResponseHeaders(status, bodyless ? -1 : response.isChunked() ? 0 : response.length());
        if (!bodyless && response.stallsAfter().isPresent()) {
            OutputStream out = exchange.getResponseBody();
            out.write(body, 0, response.stallsAfter().getAsInt());
            out.flush();
            // Until a reset or close calls the hold off; a day is "for ever" for a test.
            context.holds().await(Duration.ofDays(1), context.scheduler());
            throw new StalledBody();
        }
        if (!bodyless) {
            try (OutputStream out = exchange.getResponseBody()) {
                // A repeated body is made while it is sent; a client that stops reading ends it with an IOException.
                for (long left = response.length(); left > 0; left -= body.length) {
                    out.write(body, 0, (int) Math.min(body.length, left));
                }
            }
        }
    }

    private void writeQuietly(HttpExchange exchange, FakeResponse response) {
        try {
            write(exchange, response);
        } catch (StalledBody stalled) {
            // The connection is dropped on purpose: the exchange closes with its body unfinished.
        } catch (IOException | RuntimeException alreadyAnswered) {
            // Headers were sent before the failure, or the client left: nothing more can be said.
        }
    }
}
