package dev.gempix2.core.error;

/** HTTP 404: the provider does not know the task (or, rarely, the endpoint). */
public class TaskNotFoundException extends ApiException {
    private static final long serialVersionUID = 1L;

    /**
     * @param code the body's {@code code}, or -1
     * @param providerMessage the body's {@code message}, may be null
     * @param detail the body's {@code detail}, may be null
     */
    public TaskNotFoundException(int code, String providerMessage, String detail) {
        super(describe("GemPix2 does not know this task", 404, providerMessage, detail),
                404, code, providerMessage, detail);
    }
}
