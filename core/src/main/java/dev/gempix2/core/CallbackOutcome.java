package dev.gempix2.core;

/** What a {@link CallbackReceiver} made of a callback, and so what the webhook endpoint answers. */
public enum CallbackOutcome {
    /** A new report for a known task: answer 2xx. */
    ACCEPTED,
    /** A known task that already had this (or a final) report: a no-op; answer 2xx so the sender stops. */
    DUPLICATE,
    /** No task holds this token: forged or stale; answer 404. */
    UNKNOWN_TOKEN;

    /** @return the HTTP status a webhook endpoint should answer: 200, 200 or 404 */
    public int httpStatus() {
        return this == UNKNOWN_TOKEN ? 404 : 200;
    }
}
