package dev.gempix2.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gempix2.core.error.AuthenticationException;
import dev.gempix2.core.error.GemPix2Exception;
import dev.gempix2.core.fakes.LogCapture;
import dev.gempix2.core.fakes.ScriptedProvider;
import dev.gempix2.core.fakes.Tasks;
import dev.gempix2.core.model.ApiKey;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskStatus;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The API key appears in no toString(), log line or exception message. */
@Timeout(30)
class SecretsTest {
    private static final String KEY = "dk-secret0123456789XYZW";
    private static final String SECRET_PART = "secret0123456789";

    @Test
    void theKeyIsInNoLogLineNoToStringAndNoExceptionMessage() {
        StringBuilder everything = new StringBuilder();
        try (LogCapture logs = LogCapture.start();
             GemPix2Client client = GemPix2Client.fromEnv(Map.of("GEMPIX2_API_KEY", KEY))) {
            var generator = ScriptedProvider.lastGenerator();
            generator.submits().thenReturn(TaskId.of("t1")).thenFail(new AuthenticationException(1, "Invalid API key",
                    null));
            generator.queries().thenReturn(Tasks.at("t1", TaskStatus.IN_PROGRESS)).thenReturn(Tasks.success("t1"));

            everything.append(client).append('\n');
            TaskId id = client.submit(ImageRequest.of("a cat"));
            everything.append(client.task(id)).append('\n').append(client.task(id)).append('\n');
            everything.append(client.await(id, Duration.ofMinutes(1))).append('\n');
            Throwable rejected = catchFailure(() -> client.submit(ImageRequest.of("a dog")));
            assertThat(rejected).isInstanceOf(AuthenticationException.class);
            appendChain(everything, rejected);
            everything.append(logs.text());
            assertThat(logs.lines()).as("something was logged").isNotEmpty();
        }

        assertThat(everything.toString()).doesNotContain(SECRET_PART).doesNotContain(KEY);
    }

    @Test
    void theKeysToStringIsMasked() {
        ApiKey key = ApiKey.of(KEY);

        assertThat(key.toString()).isEqualTo("dk-…XYZW").doesNotContain(SECRET_PART);
        assertThat(key.authorizationHeader()).isEqualTo("Bearer " + KEY);
    }

    @Test
    void aMalformedKeyIsRejectedWithoutShowingIt() {
        String malformed = "dk-secret 0123456789";

        assertThatThrownBy(() -> GemPix2Client.fromEnv(Map.of("GEMPIX2_API_KEY", malformed)))
                .isInstanceOf(GemPix2Exception.class)
                .hasMessageContaining("GEMPIX2_API_KEY")
                .satisfies(failure -> assertThat(failure.getMessage()).doesNotContain("secret"));
    }

    private static Throwable catchFailure(Runnable call) {
        try {
            call.run();
            throw new AssertionError("expected a failure");
        } catch (GemPix2Exception failure) {
            return failure;
        }
    }

    private static void appendChain(StringBuilder text, Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(t).append('\n');
        }
    }
}
