package dev.gempix2.testkit;

/**
 * A hook for anything the scripts do not foresee: it sees every request before the fake handles it, and
 * answers it itself or lets the fake go on. Installed with {@link FakeGemPix2Backend#respondWith(Responder)};
 * called on the fake's server threads, so it must be thread-safe.
 *
 * <pre>{@code
 * fake.respondWith(request -> request.path().equals("/api/image/gen") && request.body().contains("teapot")
 *         ? FakeResponse.json(418, "{\"code\":418,\"message\":\"I'm a teapot\"}")
 *         : null);
 * }</pre>
 */
@FunctionalInterface
public interface Responder {

    /**
     * @param request the request, as the journal records it
     * @return the answer to send, or null to let the fake answer as usual
     */
    FakeResponse respond(RecordedRequest request);
}
