package dev.gempix2.core.error;

/**
 * A download's redirects break the rules: more than three of them (a loop), none with a usable
 * {@code Location}, or one leading away from http(s) (such as {@code file:}). Not retried: the same URL would
 * redirect the same way again.
 */
public class RedirectRefusedException extends TransportException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what the redirect did, naming URLs without their query strings
     * @param cause what made the Location unreadable, or null
     */
    public RedirectRefusedException(String message, Throwable cause) {
        super(message, true, cause);
    }
}
