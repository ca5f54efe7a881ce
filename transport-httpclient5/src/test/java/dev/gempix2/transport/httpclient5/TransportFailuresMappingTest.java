package dev.gempix2.transport.httpclient5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gempix2.core.error.GemPix2Exception;
import dev.gempix2.core.error.TransportException;
import dev.gempix2.transport.httpclient5.internal.TransportFailures;
import java.net.SocketTimeoutException;
import java.util.concurrent.CompletionException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.junit.jupiter.api.Test;

/** The failures a test cannot provoke on loopback (a connect timeout needs an unreachable network). */
class TransportFailuresMappingTest {

    private static TransportException map(Throwable failure, boolean bodyNeverSent) {
        GemPix2Exception mapped = TransportFailures.map(failure, "POST http://host/api/image/gen", bodyNeverSent);
        assertThat(mapped).isInstanceOf(TransportException.class);
        return (TransportException) mapped;
    }

    @Test
    void connectTimeoutCertainlyNeverReachedTheServer() {
        assertThat(map(new ConnectTimeoutException("connect timed out"), false).requestMayHaveReachedServer()).isFalse();
    }

    @Test
    void readTimeoutMayHaveReachedTheServer() {
        assertThat(map(new SocketTimeoutException("30 SECONDS"), false).requestMayHaveReachedServer()).isTrue();
    }

    @Test
    void anyFailureBeforeTheBodyWasAskedForNeverReachedTheServer() {
        TransportException mapped = map(new SocketTimeoutException("2 SECONDS"), true);

        assertThat(mapped.requestMayHaveReachedServer()).isFalse();
        assertThat(mapped).hasMessageContaining("was not sent");
    }

    @Test
    void closedConnectionMayHaveReachedTheServer() {
        assertThat(map(new ConnectionClosedException(), false).requestMayHaveReachedServer()).isTrue();
    }

    @Test
    void wrappedFailuresAreUnwrappedAndNamed() {
        TransportException mapped = map(new CompletionException(new ConnectTimeoutException("slow")), false);

        assertThat(mapped.getCause()).isInstanceOf(ConnectTimeoutException.class);
        assertThat(mapped).hasMessageStartingWith("POST http://host/api/image/gen failed: could not connect in time");
    }
}
