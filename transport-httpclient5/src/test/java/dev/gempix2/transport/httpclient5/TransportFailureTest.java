package dev.gempix2.transport.httpclient5;

import static dev.gempix2.transport.httpclient5.Outcomes.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gempix2.core.error.TransportException;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.TaskId;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class TransportFailureTest {
    private static final String KEY = "dk-test-key-0123456789abcdef";

    private static HttpClient5Transport transportTo(URI baseUrl) {
        return HttpClient5Transport.builder().baseUrl(baseUrl).apiKey(KEY)
                .connectTimeout(Duration.ofSeconds(2)).responseTimeout(Duration.ofMillis(300)).build();
    }

    private static TransportException transportFailure(Throwable failure) {
        assertThat(failure).isInstanceOf(TransportException.class);
        return (TransportException) failure;
    }

    @Test
    void refusedConnectionCertainlyNeverReachedTheServer() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (HttpClient5Transport transport = transportTo(URI.create("http://127.0.0.1:" + closedPort))) {
            TransportException failure = transportFailure(failureOf(transport.submit(ImageRequest.of("x"))));

            assertThat(failure.requestMayHaveReachedServer()).isFalse();
            assertThat(failure).hasMessageContaining("refused");
        }
    }

    @Test
    void unknownHostCertainlyNeverReachedTheServer() throws Exception {
        try (HttpClient5Transport transport = transportTo(URI.create("http://gempix2-test.invalid"))) {
            TransportException failure = transportFailure(failureOf(transport.submit(ImageRequest.of("x"))));

            assertThat(failure.requestMayHaveReachedServer()).isFalse();
            assertThat(failure).hasMessageContaining("gempix2-test.invalid");
        }
    }

    @Test
    void silentServerTimesOutAndTheSubmitMayHaveReachedIt() throws Exception {
        try (ScriptedSocketServer server = new ScriptedSocketServer(ScriptedSocketServer.Behaviour.STAY_SILENT);
             HttpClient5Transport transport = transportTo(server.baseUrl())) {
            TransportException failure = transportFailure(failureOf(transport.submit(ImageRequest.of("x"))));

            assertThat(failure.requestMayHaveReachedServer()).isTrue();
            assertThat(failure).hasMessageContaining("no answer in time");
        }
    }

    @Test
    void connectionDroppedAfterTheRequestMayHaveReachedTheServer() throws Exception {
        try (ScriptedSocketServer server = new ScriptedSocketServer(ScriptedSocketServer.Behaviour.DROP_CONNECTION);
             HttpClient5Transport transport = transportTo(server.baseUrl())) {
            TransportException failure = transportFailure(failureOf(transport.submit(ImageRequest.of("x"))));

            assertThat(server.awaitRequest()).isTrue();
            assertThat(failure.requestMayHaveReachedServer()).isTrue();
        }
    }

    @Test
    void droppedQueryIsATransportExceptionToo() throws Exception {
        try (ScriptedSocketServer server = new ScriptedSocketServer(ScriptedSocketServer.Behaviour.DROP_CONNECTION);
             HttpClient5Transport transport = transportTo(server.baseUrl())) {
            assertThat(failureOf(transport.query(TaskId.of("ta-1")))).isInstanceOf(TransportException.class);
        }
    }
}
