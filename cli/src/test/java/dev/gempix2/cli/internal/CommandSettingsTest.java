package dev.gempix2.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gempix2.cli.ExitCodes;
import dev.gempix2.core.error.ConfigurationException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command line's options over the environment, read into core's settings. */
class CommandSettingsTest {

    @Test
    void aMissingKeyIsCoresExceptionWithTheCommandLinesWording() {
        ConnectionOptions none = new ConnectionOptions();
        CliContext context = CliContext.of(Map.of());

        assertThatThrownBy(() -> CommandSettings.read(none, context, null, null).requireApiKey())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("--api-key or GEMPIX2_API_KEY is not set: ");
    }

    @Test
    void anOptionWinsOverItsVariable() {
        ConnectionOptions options = new ConnectionOptions();
        options.baseUrl = "http://127.0.0.1:9";

        var settings = CommandSettings.read(options, CliContext.of(Map.of("GEMPIX2_BASE_URL", "http://other:1",
                "GEMPIX2_CALL_TIMEOUT", "20s")), Duration.ofSeconds(1), null);

        assertThat(settings.baseUrl()).hasToString("http://127.0.0.1:9");
        assertThat(settings.callTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(settings.pollingPolicy().initialDelay()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aBadOptionIsAUsageErrorNamingTheOption() {
        ConnectionOptions options = new ConnectionOptions();
        options.baseUrl = "ftp://example.com";

        assertThatThrownBy(() -> CommandSettings.read(options, CliContext.of(Map.of()), null, null))
                .isInstanceOf(CommandFailure.class)
                .hasMessageStartingWith("--base-url must be an absolute http(s) URL")
                .hasCauseInstanceOf(ConfigurationException.class)
                .extracting(failure -> ((CommandFailure) failure).exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void aBadVariableIsNamedByTheVariable() {
        assertThatThrownBy(() -> CommandSettings.read(new ConnectionOptions(),
                CliContext.of(Map.of("GEMPIX2_API_KEY", "dk-has a space")), null, null))
                .isInstanceOf(CommandFailure.class)
                .hasMessageStartingWith("GEMPIX2_API_KEY must be printable ASCII")
                .extracting(failure -> ((CommandFailure) failure).exitCode()).isEqualTo(ExitCodes.AUTHENTICATION);
    }
}
