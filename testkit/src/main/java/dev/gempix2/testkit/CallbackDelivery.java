package dev.gempix2.testkit;

import dev.gempix2.core.model.TaskId;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One attempt of the fake to POST a task's final state to its {@code callback_url}.
 *
 * @param taskId the task
 * @param url where it was sent
 * @param attempt 1 for the first try, 2 for the first retry, and so on
 * @param status the receiver's HTTP status, or 0 when there was no answer (see {@code error})
 * @param error why there was no answer (connection refused, timeout), when so
 * @param body the JSON body sent
 * @param sentAt when it was sent, on the fake's clock
 */
public record CallbackDelivery(TaskId taskId, URI url, int attempt, int status, Optional<String> error, String body,
                               Instant sentAt) {

    /**
     * Requires the task, URL, body and time.
     *
     * @param taskId the task
     * @param url where it was sent
     * @param attempt 1 for the first try, 2 for the first retry, and so on
     * @param status the receiver's HTTP status, or 0 when there was no answer (see {@code error})
     * @param error why there was no answer (connection refused, timeout), when so
     * @param body the JSON body sent
     * @param sentAt when it was sent, on the fake's clock
     */
    public CallbackDelivery {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(sentAt, "sentAt");
        error = error == null ? Optional.empty() : error;
    }

    /** @return true when the receiver answered 2xx */
    public boolean isDelivered() {
        return status >= 200 && status < 300;
    }

    /** The URL's path holds a secret token, so only the host is shown. */
    @Override
    public String toString() {
        return "CallbackDelivery[task=" + taskId + ", to=" + url.getHost() + ":" + url.getPort()
                + ", attempt=" + attempt + ", status=" + (status == 0 ? error.orElse("no answer") : status)
                + ", sentAt=" + sentAt + "]";
    }
}
