package dev.gempix2.examples.quarkus;

import com.sun.net.httpserver.HttpServer;
import dev.gempix2.core.GemPix2Client;
import dev.gempix2.core.PollingPolicy;
import dev.gempix2.core.error.InvalidRequestException;
import dev.gempix2.repository.jdbc.JdbcTaskRepository;
import dev.gempix2.testkit.FakeGemPix2Backend;
import dev.gempix2.transport.httpclient5.CallbackParser;
import dev.gempix2.transport.httpclient5.HttpClient5Transport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import javax.sql.DataSource;

/**
 * A second instance of the app, in the same JVM as the {@code @QuarkusTest} one: a second Quarkus application in
 * one JVM is impractical, so this one is what the adapter builds, by hand: a {@link GemPix2Client} on a
 * {@link JdbcTaskRepository} over the same database, and a webhook on the JDK's HTTP server.
 */
final class PlainJavaInstance implements AutoCloseable {
    private static final String PATH = "/gempix2/callback/";

    private final JdbcTaskRepository repository;
    private final HttpClient5Transport transport;
    private final GemPix2Client client;
    private final HttpServer webhook;

    PlainJavaInstance(DataSource database, FakeGemPix2Backend fake) {
        repository = JdbcTaskRepository.builder(database).instanceId("plain-java-instance").build();
        transport = HttpClient5Transport.builder().baseUrl(fake.baseUrl()).apiKey(fake.apiKey()).build();
        try {
            webhook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        client = GemPix2Client.builder().generator(transport).repository(repository)
                .pollingPolicy(PollingPolicy.defaults()).callbackBaseUrl(callbackBaseUrl()).build();
        webhook.createContext(PATH, exchange -> {
            String path = exchange.getRequestURI().getPath();
            int status;
            try {
                status = client.callbacks().receive(path.substring(PATH.length()),
                        CallbackParser.parse(exchange.getRequestBody().readAllBytes())).httpStatus();
            } catch (InvalidRequestException malformed) {
                status = 400;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        webhook.start();
    }

    /** @return this instance's webhook, where the load balancer sends the callbacks in this test */
    URI callbackBaseUrl() {
        return URI.create("http://127.0.0.1:" + webhook.getAddress().getPort() + "/gempix2/callback");
    }

    @Override
    public void close() {
        webhook.stop(0);
        client.close();
        repository.close();
        transport.close();
    }
}
