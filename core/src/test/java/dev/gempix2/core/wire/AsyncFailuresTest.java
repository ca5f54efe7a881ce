package dev.gempix2.core.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** The one unwrap of a future's failure: the wrappers go, the failure inside stays. */
class AsyncFailuresTest {

    @Test
    void nestedCompletionAndExecutionWrappersAreRemoved() {
        IOException inside = new IOException("reset");

        Throwable wrapped = new CompletionException(new ExecutionException(new CompletionException(inside)));

        assertThat(AsyncFailures.unwrap(wrapped)).isSameAs(inside);
    }

    @Test
    void aWrapperInsideAnOrdinaryExceptionIsLeftAlone() {
        IOException outer = new IOException("exchange failed", new CompletionException(new IOException("inner")));

        assertThat(AsyncFailures.unwrap(outer)).isSameAs(outer);
    }

    @Test
    void aWrapperWithoutACauseIsReturnedAsItIs() {
        CompletionException empty = new CompletionException("no cause", null);

        assertThat(AsyncFailures.unwrap(empty)).isSameAs(empty);
        assertThat(AsyncFailures.unwrap(null)).isNull();
    }
}
