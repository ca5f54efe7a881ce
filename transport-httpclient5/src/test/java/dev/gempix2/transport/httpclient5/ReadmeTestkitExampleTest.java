package dev.gempix2.transport.httpclient5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gempix2.core.GemPix2Client;
import dev.gempix2.core.PollingPolicy;
import dev.gempix2.core.error.TaskFailedException;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.testkit.FakeGemPix2Backend;
import dev.gempix2.testkit.junit.FakeGemPix2Extension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The root README's testkit example, word for word, so that what a user copies works. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ReadmeTestkitExampleTest {
    @RegisterExtension
    static final FakeGemPix2Extension FAKE =
            FakeGemPix2Extension.configured(() -> FakeGemPix2Backend.builder().stageDuration(Duration.ZERO));

    @Test
    void aForbiddenPromptFailsWithTheProvidersReason(FakeGemPix2Backend fake) {
        fake.onPrompt("forbidden").failWith("prompt violates the content policy");
        try (GemPix2Client client = GemPix2Client.builder()
                .generator(HttpClient5Transport.builder().baseUrl(fake.baseUrl()).apiKey(fake.apiKey()).build())
                .pollingPolicy(PollingPolicy.builder().initialDelay(Duration.ofMillis(10)).build())
                .build()) {
            assertThatThrownBy(() -> client.generate(ImageRequest.of("something forbidden")))
                    .isInstanceOf(TaskFailedException.class)
                    .hasMessageContaining("content policy");
        }
    }

    @Test
    void theReadmeShowsThisTestWordForWord() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        String source = Files.readString(Path.of("src", "test", "java", "dev", "gempix2", "transport",
                "httpclient5", "ReadmeTestkitExampleTest.java"));
        String example = readme.substring(readme.indexOf("@RegisterExtension"), readme.indexOf("\n```\n\n(This very"));
        for (String line : example.lines().map(String::strip).filter(text -> !text.isEmpty()).toList()) {
            assertThat(source).as("the README's line is in this test").contains(line);
        }
    }
}
