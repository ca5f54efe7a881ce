package dev.gempix2.cli.internal;

/**
 * A failure the command explains to a person in one message and ends with an exit code. Its cause, when
 * there is one, is printed only with {@code --verbose}.
 */
public final class CommandFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    /**
     * @param exitCode one of {@code ExitCodes}
     * @param message what went wrong and what to do about it
     * @param cause the underlying exception, may be null
     */
    public CommandFailure(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** @return the exit code the command ends with */
    public int exitCode() {
        return exitCode;
    }
}
