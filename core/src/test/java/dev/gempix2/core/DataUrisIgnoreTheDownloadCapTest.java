package dev.gempix2.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gempix2.core.error.ResponseTooLargeException;
import dev.gempix2.core.fakes.ScriptedGenerator;
import dev.gempix2.core.fakes.TestClock;
import dev.gempix2.core.model.GeneratedImage;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Defect 6 of the reliability issue, "data URIs ignore the download cap": with {@code maxDownloadBytes(1000)} a
 * 5 MB data URI decoded, a 200 MB one filled the heap. The cap now holds for data URIs, checked before decoding.
 */
class DataUrisIgnoreTheDownloadCapTest {
    private final GemPix2Client client = TestClients.on(new ScriptedGenerator(), new TestClock())
            .maxDownloadBytes(1000).build();

    @Test
    void aDataUriLargerThanTheCapFailsAsTooLarge() {
        GeneratedImage image = dataUri(new byte[5000]);

        assertThatThrownBy(() -> client.download(image))
                .isInstanceOf(ResponseTooLargeException.class)
                .hasMessageContaining("1000 bytes")
                .hasMessageContaining("maxDownloadBytes");
    }

    @Test
    void theCapIsCheckedBeforeDecoding() {
        // Not base64 at all: decoding would fail as malformed; the size check comes first.
        GeneratedImage image = new GeneratedImage("data:image/png;base64," + "!".repeat(8000));

        assertThatThrownBy(() -> client.download(image)).isInstanceOf(ResponseTooLargeException.class);
    }

    @Test
    void aDataUriOfExactlyTheCapDecodes() {
        assertThat(client.download(dataUri(new byte[1000]))).hasSize(1000);
    }

    @Test
    void lineBreaksInTheBase64DoNotCountAgainstTheCap() {
        String wrapped = Base64.getMimeEncoder().encodeToString(new byte[1000]);

        assertThat(client.download(new GeneratedImage("data:image/png;base64," + wrapped))).hasSize(1000);
    }

    private static GeneratedImage dataUri(byte[] bytes) {
        return new GeneratedImage("data:image/png;base64," + Base64.getEncoder().encodeToString(bytes));
    }
}
