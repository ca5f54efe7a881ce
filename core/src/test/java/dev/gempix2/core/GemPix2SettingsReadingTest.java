package dev.gempix2.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gempix2.core.error.ConfigurationException;
import dev.gempix2.core.internal.SettingKey;
import dev.gempix2.core.internal.SettingKeys;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each setting read from each spelling, and each bad value named in the spelling it was written in. */
class GemPix2SettingsReadingTest {

    /** A key, a text for it, and what the settings must then hold. */
    static Stream<Arguments> goodValues() {
        return Stream.of(
                good(SettingKeys.API_KEY, "dk-0123456789abcdef", "dk-0123456789abcdef", s -> s.requireApiKey().reveal()),
                good(SettingKeys.BASE_URL, "http://localhost:8089/v2", "http://localhost:8089/v2", s -> s.baseUrl().toString()),
                good(SettingKeys.MODEL, "google/gemini-2.5-flash-image", "google/gemini-2.5-flash-image", s -> s.model().id()),
                good(SettingKeys.POLLING_INITIAL_DELAY, "500ms", "PT0.5S", s -> s.pollingPolicy().initialDelay().toString()),
                good(SettingKeys.POLLING_MAX_INTERVAL, "1m30s", "PT1M30S", s -> s.pollingPolicy().maxInterval().toString()),
                good(SettingKeys.POLLING_WAIT_TIMEOUT, "PT7M", "PT7M", s -> s.pollingPolicy().waitTimeout().toString()),
                good(SettingKeys.RETRY_MAX_RETRIES, "0", "0", s -> String.valueOf(s.retryPolicy().maxRetries())),
                good(SettingKeys.CALLBACK_BASE_URL, "https://app.example.com/gempix2/callback", "https://app.example.com/gempix2/callback",
                        s -> s.callbackBaseUrl().orElseThrow().toString()),
                good(SettingKeys.CALLBACK_PATH, "/hooks/gempix2/", "/hooks/gempix2", GemPix2Settings::callbackPath),
                good(SettingKeys.CALLBACK_VERIFY, "FALSE", "false", s -> String.valueOf(s.verifyCallbacks())),
                good(SettingKeys.CALL_TIMEOUT, "45", "PT45S", s -> s.callTimeout().toString()),
                good(SettingKeys.DOWNLOADS_MAX_BYTES, "1048576", "1048576", s -> String.valueOf(s.maxDownloadBytes())),
                good(SettingKeys.CONNECT_TIMEOUT, "3s", "PT3S", s -> s.http().connectTimeout().toString()),
                good(SettingKeys.RESPONSE_TIMEOUT, "2m", "PT2M", s -> s.http().responseTimeout().toString()),
                good(SettingKeys.PROXY_URL, "http://proxy.corp:3128", "http://proxy.corp:3128",
                        s -> s.http().proxy().orElseThrow().address().toString()),
                good(SettingKeys.USER_AGENT_SUFFIX, "my-app/1.2", "my-app/1.2", s -> s.http().userAgentSuffix().orElseThrow()));
    }

    private static Arguments good(SettingKey key, String text, String expected,
                                  Function<GemPix2Settings, String> read) {
        return Arguments.of(key.key(), key, text, expected, read);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goodValues")
    void aFrameworkKeyIsRead(String name, SettingKey key, String text, String expected,
                             Function<GemPix2Settings, String> read) {
        GemPix2Settings settings = GemPix2Settings.fromProperties(Map.of(key.key(), text));

        assertThat(read.apply(settings)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goodValues")
    void anEnvironmentVariableIsRead(String name, SettingKey key, String text, String expected,
                                     Function<GemPix2Settings, String> read) {
        GemPix2Settings settings = GemPix2Settings.fromEnvironment(Map.of(key.environmentVariable(), text));

        assertThat(read.apply(settings)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goodValues")
    void aCommandLineOptionIsReadWhereTheCommandLineHasOne(String name, SettingKey key, String text, String expected,
                                                          Function<GemPix2Settings, String> read) {
        if (key.cliOption() == null) {
            return;
        }
        GemPix2Settings settings = GemPix2Settings.fromCommandLine(Map.of(key.cliOption(), text),
                Map.of(key.environmentVariable(), "rubbish that the option hides"));

        assertThat(read.apply(settings)).isEqualTo(expected);
    }

    /** A key and a text it cannot take. */
    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of(SettingKeys.API_KEY, "dk-has a space", "must be printable ASCII"),
                Arguments.of(SettingKeys.BASE_URL, "ftp://example.com", "must be an absolute http(s) URL"),
                Arguments.of(SettingKeys.MODEL, "not a model!", "is not usable: 'not a model!' is not a model id"),
                Arguments.of(SettingKeys.POLLING_INITIAL_DELAY, "soon", "must be a duration such as 30s"),
                Arguments.of(SettingKeys.POLLING_MAX_INTERVAL, "0s", "must be a positive duration"),
                Arguments.of(SettingKeys.POLLING_WAIT_TIMEOUT, "-5m", "must be a duration such as 30s"),
                Arguments.of(SettingKeys.RETRY_MAX_RETRIES, "three", "must be a whole number"),
                Arguments.of(SettingKeys.CALLBACK_BASE_URL, "app.example.com", "must be an absolute http(s) URL"),
                Arguments.of(SettingKeys.CALLBACK_PATH, "gempix2 callback", "must be a path such as"),
                Arguments.of(SettingKeys.CALLBACK_VERIFY, "yes", "must be true or false"),
                Arguments.of(SettingKeys.CALL_TIMEOUT, "2 minutes", "must be a duration such as 30s"),
                Arguments.of(SettingKeys.DOWNLOADS_MAX_BYTES, "32MB", "must be a whole number"),
                Arguments.of(SettingKeys.CONNECT_TIMEOUT, "25h", "must be at most 24 hours"),
                Arguments.of(SettingKeys.RESPONSE_TIMEOUT, "0", "must be a positive duration"),
                Arguments.of(SettingKeys.PROXY_URL, "socks5://proxy:1080", "must be an http URL"),
                Arguments.of(SettingKeys.USER_AGENT_SUFFIX, "my-app\u00e9", "must be printable ASCII"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void aBadFrameworkValueIsNamedByItsKey(SettingKey key, String text, String problem) {
        assertThatThrownBy(() -> GemPix2Settings.fromProperties(Map.of(key.key(), text)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith(key.key() + " " + problem)
                .extracting(failure -> ((ConfigurationException) failure).setting()).isEqualTo(key.key());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void aBadEnvironmentValueIsNamedByItsVariable(SettingKey key, String text, String problem) {
        assertThatThrownBy(() -> GemPix2Settings.fromEnvironment(Map.of(key.environmentVariable(), text)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith(key.environmentVariable() + " " + problem);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void aBadOptionIsNamedByTheOption(SettingKey key, String text, String problem) {
        if (key.cliOption() == null) {
            return;
        }
        assertThatThrownBy(() -> GemPix2Settings.fromCommandLine(Map.of(key.cliOption(), text), Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith(key.cliOption() + " " + problem);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goodValues")
    void everyKeysVariableIsTheKeyUpperCasedWithUnderscores(String name, SettingKey key, String text, String expected,
                                                            Function<GemPix2Settings, String> read) {
        assertThat(key.environmentVariable()).isEqualTo(key.key().toUpperCase().replaceAll("[.-]", "_"))
                .startsWith("GEMPIX2_");
    }

    @Test
    void unsetAndBlankValuesKeepTheDefaults() {
        GemPix2Settings settings = GemPix2Settings.fromEnvironment(Map.of("GEMPIX2_BASE_URL", "  ",
                "GEMPIX2_POLLING_WAIT_TIMEOUT", ""));

        assertThat(settings.baseUrl()).isEqualTo(GemPix2Client.DEFAULT_BASE_URL);
        assertThat(settings.pollingPolicy()).isEqualTo(PollingPolicy.defaults());
        assertThat(settings.apiKey()).isEmpty();
        assertThat(settings.callTimeout()).isEqualTo(Duration.ofMinutes(2));
    }
}
