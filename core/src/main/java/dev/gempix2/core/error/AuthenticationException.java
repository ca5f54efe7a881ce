package dev.gempix2.core.error;

/** HTTP 401: the API key is missing, malformed, unknown, expired or its account is disabled. */
public class AuthenticationException extends ApiException {
    private static final long serialVersionUID = 1L;

    /**
     * @param code the body's {@code code} (the gen endpoint says 1, the query endpoint 401), or -1
     * @param providerMessage the body's {@code message}, may be null
     * @param detail the body's {@code detail}, may be null
     */
    public AuthenticationException(int code, String providerMessage, String detail) {
        super(describe("GemPix2 rejected the API key", 401, providerMessage, detail)
                        + ". Check GEMPIX2_API_KEY (or gempix2.api-key), or renew the key at defapi.org",
                401, code, providerMessage, detail);
    }
}
