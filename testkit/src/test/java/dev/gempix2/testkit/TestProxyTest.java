package dev.gempix2.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class TestProxyTest {
    private FakeGemPix2Backend fake;

    @BeforeAll
    void startFake() {
        fake = FakeGemPix2Backend.start();
    }

    @BeforeEach
    void forgetThePreviousTest() {
        fake.reset();
    }

    @AfterAll
    void stopFake() {
        fake.close();
    }

    @Test
    void anAbsoluteFormRequestIsForwardedInOriginFormAndRecorded() throws IOException {
        try (TestProxy proxy = TestProxy.start(); Socket client = connect(proxy)) {
            send(client, "GET " + fake.baseUrl() + "/api/task/query?task_id=ta-x HTTP/1.1\r\nHost: "
                    + hostAndPort() + "\r\nProxy-Connection: keep-alive\r\n\r\n");
            String answer = readAll(client.getInputStream());
            assertThat(answer).startsWith("HTTP/1.1 401").contains("Connection: close");
            assertThat(fake.takeRequest().path()).isEqualTo("/api/task/query");
            assertThat(proxy.passages()).containsExactly(new TestProxy.Passage("GET", hostAndPort(), true));
        }
    }

    @Test
    void connectOpensATunnelToTheTarget() throws IOException {
        try (TestProxy proxy = TestProxy.start(); Socket client = connect(proxy)) {
            send(client, "CONNECT " + hostAndPort() + " HTTP/1.1\r\nHost: " + hostAndPort() + "\r\n\r\n");
            assertThat(readHead(client.getInputStream())).startsWith("HTTP/1.1 200");
            send(client, "GET /api/task/query?task_id=ta-x HTTP/1.1\r\nHost: " + hostAndPort()
                    + "\r\n\r\n");
            assertThat(readHead(client.getInputStream())).startsWith("HTTP/1.1 401");
            assertThat(proxy.passages()).containsExactly(new TestProxy.Passage("CONNECT", hostAndPort(), true));
        }
    }

    @Test
    void withoutTheRightCredentialsTheAnswerIs407AndNothingIsForwarded() throws IOException {
        try (TestProxy proxy = TestProxy.requiringCredentials("svc", "right"); Socket client = connect(proxy)) {
            String wrong = Base64.getEncoder().encodeToString("svc:wrong".getBytes(StandardCharsets.UTF_8));
            send(client, "CONNECT " + hostAndPort() + " HTTP/1.1\r\nProxy-Authorization: Basic " + wrong + "\r\n\r\n");
            assertThat(readHead(client.getInputStream())).startsWith("HTTP/1.1 407")
                    .contains("Proxy-Authenticate: Basic");
            assertThat(proxy.passages()).containsExactly(new TestProxy.Passage("CONNECT", hostAndPort(), false));
            assertThat(fake.requests()).isEmpty();
        }
    }

    @Test
    void theRightCredentialsAreLetThroughOnTheSameConnectionAfterA407() throws IOException {
        try (TestProxy proxy = TestProxy.requiringCredentials("svc", "right"); Socket client = connect(proxy)) {
            send(client, "CONNECT " + hostAndPort() + " HTTP/1.1\r\n\r\n");
            assertThat(readHead(client.getInputStream())).startsWith("HTTP/1.1 407");
            send(client, "CONNECT " + hostAndPort() + " HTTP/1.1\r\nProxy-Authorization: "
                    + proxy.settings().basicAuthorization().orElseThrow() + "\r\n\r\n");
            assertThat(readHead(client.getInputStream())).startsWith("HTTP/1.1 200");
            assertThat(proxy.passages()).extracting(TestProxy.Passage::authorized).containsExactly(false, true);
        }
    }

    private String hostAndPort() {
        URI base = fake.baseUrl();
        return base.getHost() + ":" + base.getPort();
    }

    private static Socket connect(TestProxy proxy) throws IOException {
        Socket socket = new Socket(proxy.address().getHost(), proxy.address().getPort());
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                break;
            }
            head.append((char) next);
        }
        return head.toString();
    }

    private static String readAll(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
}
