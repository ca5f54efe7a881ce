package dev.gempix2.core.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.CompletionException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** Which failures prove a request never reached the server, so that a submit may be retried. */
class ExchangeFailuresTest {

    @Test
    void connectFailuresNeverReachedTheServer() {
        assertThat(ExchangeFailures.neverReachedServer(new ConnectException("refused"))).isTrue();
        assertThat(ExchangeFailures.neverReachedServer(new UnknownHostException("nowhere.example"))).isTrue();
        assertThat(ExchangeFailures.neverReachedServer(new NoRouteToHostException("no route"))).isTrue();
        assertThat(ExchangeFailures.neverReachedServer(new SSLHandshakeException("bad certificate"))).isTrue();
    }

    @Test
    void aConnectFailureDeepInTheCauseChainCounts() {
        Throwable wrapped = new CompletionException(new IOException("exchange failed", new ConnectException("refused")));

        assertThat(ExchangeFailures.neverReachedServer(wrapped)).isTrue();
    }

    @Test
    void failuresAfterConnectingMayHaveReachedTheServer() {
        assertThat(ExchangeFailures.neverReachedServer(new SocketTimeoutException("read timed out"))).isFalse();
        assertThat(ExchangeFailures.neverReachedServer(new IOException("connection reset"))).isFalse();
        assertThat(ExchangeFailures.neverReachedServer(null)).isFalse();
    }

    @Test
    void aCauseChainThatLoopsEndsWithAnAnswer() {
        IOException first = new IOException("first");
        IOException second = new IOException("second", first);
        first.initCause(second);

        assertThat(ExchangeFailures.neverReachedServer(first)).isFalse();
    }
}
