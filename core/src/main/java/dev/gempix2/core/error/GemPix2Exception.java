package dev.gempix2.core.error;

/**
 * The root of every exception this library throws. All are unchecked.
 *
 * <p>Messages never contain the API key: at most its masked form ({@code dk-…abcd}).
 */
public class GemPix2Exception extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, for a person */
    public GemPix2Exception(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, for a person
     * @param cause the underlying failure
     */
    public GemPix2Exception(String message, Throwable cause) {
        super(message, cause);
    }
}
