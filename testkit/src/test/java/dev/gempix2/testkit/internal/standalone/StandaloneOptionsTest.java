package dev.gempix2.testkit.internal.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gempix2.testkit.ImageMode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StandaloneOptionsTest {

    @Test
    void defaultsAreLoopbackPort8089OneSecondStagesAndUrls() {
        StandaloneOptions options = StandaloneOptions.parse();
        assertThat(options.host()).isEqualTo("127.0.0.1");
        assertThat(options.port()).isEqualTo(8089);
        assertThat(options.apiKeys()).isEmpty();
        assertThat(options.stageDuration()).isEqualTo(Duration.ofSeconds(1));
        assertThat(options.imageMode()).isEqualTo(ImageMode.URL);
        assertThat(options.help()).isFalse();
    }

    @Test
    void everyOptionIsReadWithASpaceOrAnEqualsSign() {
        StandaloneOptions options = StandaloneOptions.parse("--port", "0", "--api-key", "dk-one", "--api-key=dk-two",
                "--stage-duration=500ms", "--image-mode", "data-uri", "--host", "0.0.0.0");
        assertThat(options.port()).isZero();
        assertThat(options.apiKeys()).containsExactly("dk-one", "dk-two");
        assertThat(options.stageDuration()).isEqualTo(Duration.ofMillis(500));
        assertThat(options.imageMode()).isEqualTo(ImageMode.DATA_URI);
        assertThat(options.host()).isEqualTo("0.0.0.0");
    }

    @ParameterizedTest
    @CsvSource({"2s,PT2S", "1m,PT1M", "PT0.25S,PT0.25S", "0s,PT0S", "1h,PT1H"})
    void stageDurationsReadSimpleAndIsoForms(String text, String expected) {
        assertThat(StandaloneOptions.parse("--stage-duration", text).stageDuration()).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--port|70000|--port must be a number from 0 to 65535, not '70000'",
            "--stage-duration|soon|--stage-duration must look like 500ms, 2s, 1m or PT2S, not 'soon'",
            "--image-mode|gif|--image-mode must be url or data-uri, not 'gif'",
            "--api-key|dk with space|--api-key must be printable ASCII without spaces",
            "--colour|red|unknown option '--colour'"})
    void aBadArgumentIsNamedInTheMessage(String option, String value, String message) {
        assertThatThrownBy(() -> StandaloneOptions.parse(option, value))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void anOptionWithoutItsValueIsNamed() {
        assertThatThrownBy(() -> StandaloneOptions.parse("--port")).hasMessage("--port needs a value");
        assertThatThrownBy(() -> StandaloneOptions.parse("--port", "--host", "x")).hasMessage("--port needs a value");
    }

    @Test
    void aBadCommandLineExitsWithStatus2AndSaysWhy() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = StandaloneMain.run(new String[] {"--port", "x"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--port must be a number", "--help");
    }

    @Test
    void helpPrintsUsageAndExitsWithStatus0() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = StandaloneMain.run(new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream()));
        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage:").contains(List.of("--port", "--api-key"));
    }
}
