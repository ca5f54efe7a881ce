package dev.gempix2.core;

import dev.gempix2.core.model.Task;

/**
 * Takes the callbacks the provider POSTs to {@code <callback base URL>/<token>}. A webhook endpoint (the
 * framework adapters ship one; a plain-Java app parses the body with its transport's {@code CallbackParser})
 * passes the token from the path and the reported snapshot, and answers {@link CallbackOutcome#httpStatus()}.
 *
 * <p>{@link #receive(String, Task)} answers at once: the confirming query (on by default, so nobody can
 * forge a result) and the completion of the waits happen after it returns. Thread-safe.
 *
 * <pre>{@code
 * Task reported = CallbackParser.parse(requestBody);
 * CallbackOutcome outcome = client.callbacks().receive(tokenFromPath, reported);
 * response.setStatus(outcome.httpStatus());
 * }</pre>
 */
public interface CallbackReceiver {

    /**
     * @param token the last path segment of the callback URL
     * @param reported the payload's snapshot: a hint, confirmed by a query before it completes a wait
     * @return what became of it
     */
    CallbackOutcome receive(String token, Task reported);

    /**
     * An endpoint tells the client it answered a callback with an error before calling {@link #receive}: its
     * body was not the JSON promised, or too large. Observers see it as a rejected callback; the client does
     * nothing else. A no-op by default.
     */
    default void reportMalformed() {
    }
}
