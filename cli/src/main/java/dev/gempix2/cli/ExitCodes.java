package dev.gempix2.cli;

/**
 * The exit codes of the {@code gempix2} command, the same for every subcommand, so that a script can tell
 * what to do next.
 *
 * <pre>{@code
 * java -jar gempix2.jar generate "a red fox" --timeout 2m
 * case $? in 4) echo "still running: use the wait command it printed" ;; esac
 * }</pre>
 */
public final class ExitCodes {
    /** Done: the task succeeded and its images were written (or the command did what it was asked). */
    public static final int OK = 0;
    /** The task ended in {@code failed}, or succeeded without any image; the reason is on stderr. */
    public static final int TASK_FAILED = 1;
    /** Bad arguments, or a request GemPix2 rejected as invalid (HTTP 400); nothing to retry as it is. */
    public static final int USAGE = 2;
    /** The API key is missing, malformed or rejected (HTTP 401). */
    public static final int AUTHENTICATION = 3;
    /** The wait passed {@code --timeout}; the task goes on and {@code gempix2 wait <id>} resumes it. */
    public static final int TIMEOUT = 4;
    /** Any other failure: the API (404, 429, 5xx), the network, or writing the files. */
    public static final int OTHER_ERROR = 5;

    private ExitCodes() {
    }
}
