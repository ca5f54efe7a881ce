package dev.gempix2.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The fake must never be what limits a user's load test: no Nagle stalls, no thread per request. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FakeBackendThreadsTest {

    @Test
    void theFakeTurnsNaglesAlgorithmOffForTheJdkHttpServerUnlessTheUserChose() {
        try (FakeGemPix2Backend fake = FakeGemPix2Backend.start()) {
            assertThat(fake.baseUrl()).isNotNull();
            assertThat(System.getProperty("sun.net.httpserver.nodelay")).isEqualTo("true");
        }
    }

    @Test
    void requestsOneAfterAnotherReuseAFewWorkerThreadsInsteadOfOnePerRequest() {
        Set<Long> before = fakeWorkerIds();
        try (FakeGemPix2Backend fake = FakeGemPix2Backend.start()) {
            ApiCalls api = new ApiCalls(fake);
            for (int i = 0; i < 40; i++) {
                api.submitPrompt("request " + i);
            }
            Set<Long> made = fakeWorkerIds();
            made.removeAll(before);

            assertThat(made).as("worker threads made for 40 sequential requests").hasSizeLessThanOrEqualTo(8);
        }
    }

    private static Set<Long> fakeWorkerIds() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("gempix2-fake-http-"))
                .map(Thread::getId)
                .collect(Collectors.toSet());
    }
}
