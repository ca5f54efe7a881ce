package dev.gempix2.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gempix2.core.error.ResponseTooLargeException;
import dev.gempix2.core.error.TransportException;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The image-download rules every transport relies on. */
class DownloadRulesTest {
    private static final URI IMAGE = URI.create("https://cdn.example/img/a.png?X-Amz-Signature=s3cr3t");
    private static final URI API = URI.create("https://api.defapi.org");

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 303, 307, 308})
    void theFiveRedirectStatusesAreFollowed(int status) {
        assertThat(DownloadRules.isRedirect(status)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 300, 304, 305, 306, 400, 404, 500})
    void otherStatusesAreNotRedirects(int status) {
        assertThat(DownloadRules.isRedirect(status)).isFalse();
    }

    @Test
    void aRelativeLocationResolvesAgainstTheUrlThatAnswered() {
        assertThat(DownloadRules.redirectTarget(IMAGE, " ../b.png ", 0))
                .isEqualTo(URI.create("https://cdn.example/b.png"));
    }

    @Test
    void theThirdRedirectIsStillFollowed() {
        assertThat(DownloadRules.redirectTarget(IMAGE, "http://other.example/c.png", DownloadRules.MAX_REDIRECTS - 1))
                .isEqualTo(URI.create("http://other.example/c.png"));
    }

    @Test
    void aFourthRedirectFailsNamingTheLimit() {
        assertThatThrownBy(() -> DownloadRules.redirectTarget(IMAGE, "/d.png", 3))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("more than 3 redirects")
                .hasMessageContaining("https://cdn.example/img/a.png")
                .hasMessageNotContaining("s3cr3t");
    }

    @ParameterizedTest
    @CsvSource(value = {"NULL", "''", "'   '"}, nullValues = "NULL")
    void aRedirectWithoutLocationFailsSayingSo(String location) {
        assertThatThrownBy(() -> DownloadRules.redirectTarget(IMAGE, location, 0))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("without a Location");
    }

    @Test
    void anUnreadableLocationFailsWithoutShowingItsQuery() {
        assertThatThrownBy(() -> DownloadRules.redirectTarget(IMAGE, "http://bad host/x.png?sig=s3cr3t", 0))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("unreadable Location: http://bad host/x.png?…")
                .hasMessageNotContaining("s3cr3t");
    }

    @ParameterizedTest
    @CsvSource({"file:///etc/passwd, a file: URL", "ftp://cdn.example/a.png, a ftp: URL",
            "'https:/no-host.png', a URL without a host"})
    void aRedirectAwayFromHttpFailsNamingWhereItLed(String location, String described) {
        assertThatThrownBy(() -> DownloadRules.redirectTarget(IMAGE, location, 0))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("redirected to " + described)
                .hasMessageContaining("only http(s) redirects are followed");
    }

    @Test
    void requireHttpRefusesOtherSchemesBeforeAnythingIsSent() {
        assertThatThrownBy(() -> DownloadRules.requireHttp(URI.create("file:///etc/passwd")))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("Only http(s) image URLs")
                .hasMessageContaining("file:///etc/passwd")
                .satisfies(e -> assertThat(((TransportException) e).requestMayHaveReachedServer()).isFalse());
    }

    @Test
    void requireHttpAcceptsHttpAndHttps() {
        DownloadRules.requireHttp(URI.create("http://cdn.example/a.png"));
        DownloadRules.requireHttp(URI.create("HTTPS://cdn.example/a.png"));
    }

    @ParameterizedTest
    @CsvSource({"https://api.defapi.org/files/a.png", "https://API.defapi.org:443/a.png", "HTTPS://api.defapi.org/"})
    void theKeyGoesToTheApisOwnOrigin(String target) {
        assertThat(DownloadRules.sendsApiKeyTo(API, URI.create(target))).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"http://api.defapi.org/a.png", "https://api.defapi.org:8443/a.png", "https://cdn.defapi.org/a.png",
            "https://api.defapi.org.evil.example/a.png", "file:///api.defapi.org"})
    void theKeyNeverGoesToAnotherOrigin(String target) {
        assertThat(DownloadRules.sendsApiKeyTo(API, URI.create(target))).isFalse();
    }

    @Test
    void aPlainHttpBaseUrlMatchesItsDefaultPort() {
        assertThat(DownloadRules.sendsApiKeyTo(URI.create("http://127.0.0.1:80"), URI.create("http://127.0.0.1/a.png")))
                .isTrue();
    }

    @Test
    void shownDropsTheQueryStringButSaysOneWasThere() {
        assertThat(DownloadRules.shown(IMAGE)).isEqualTo("https://cdn.example/img/a.png?…");
    }

    @Test
    void shownDropsUserInfoAndFragment() {
        assertThat(DownloadRules.shown(URI.create("https://user:pw@cdn.example/a.png#frag")))
                .isEqualTo("https://cdn.example/a.png");
    }

    @Test
    void shownKeepsAUrlWithoutQueryAsItIs() {
        assertThat(DownloadRules.shown(URI.create("http://127.0.0.1:8080/a.png"))).isEqualTo("http://127.0.0.1:8080/a.png");
    }

    @Test
    void shownCutsAHugeDataUriShort() {
        String shown = DownloadRules.shown(URI.create("data:image/png;base64," + "A".repeat(10_000)));
        assertThat(shown).startsWith("data:image/png;base64,AAAA").endsWith("…").hasSizeLessThan(210);
    }

    @Test
    void tooLargeNamesTheImageTheLimitAndTheSetting() {
        ResponseTooLargeException tooLarge = DownloadRules.tooLarge(IMAGE, 1000);
        assertThat(tooLarge.limit()).isEqualTo(1000);
        assertThat(tooLarge).hasMessageContaining("https://cdn.example/img/a.png?…")
                .hasMessageContaining("larger than the limit of 1000 bytes")
                .hasMessageContaining("maxDownloadBytes")
                .hasMessageNotContaining("s3cr3t")
                .hasMessageNotContaining("Content-Length");
    }

    @Test
    void tooLargeTellsTheDeclaredLengthWhenThatWasTheReason() {
        assertThat(DownloadRules.tooLarge(IMAGE, 1000, 5000)).hasMessageContaining("(its Content-Length is 5000)");
    }
}
