package dev.gempix2.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gempix2.cli.TestImages;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.TypeConversionException;

class ReferenceImageConverterTest {
    private final ReferenceImageConverter converter = new ReferenceImageConverter();

    @TempDir
    Path dir;

    @Test
    void urlsAndDataUrisArePassedOnAsTheyAre() {
        assertThat(converter.convert("https://example.com/soap.png")).isEqualTo(URI.create("https://example.com/soap.png"));
        assertThat(converter.convert("data:image/png;base64,AAAA")).isEqualTo(URI.create("data:image/png;base64,AAAA"));
    }

    @Test
    void aLocalFileIsSentInlineWithTheMediaTypeOfItsBytes() throws IOException {
        byte[] png = TestImages.png();
        Path misnamed = Files.write(dir.resolve("photo.jpg"), png);

        URI uri = converter.convert(misnamed.toString());

        assertThat(uri.toString()).startsWith("data:image/png;base64,");
        assertThat(Base64.getDecoder().decode(uri.toString().substring(uri.toString().indexOf(',') + 1))).isEqualTo(png);
    }

    @Test
    void aFileThatIsNoImageIsRefusedByName() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.txt"), "not a picture");

        assertThatThrownBy(() -> converter.convert(text.toString())).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("notes.txt").hasMessageContaining("not a PNG, JPEG, GIF or WebP image");
    }

    @Test
    void aMissingFileIsRefusedWithWhatIsExpected() {
        assertThatThrownBy(() -> converter.convert(dir.resolve("gone.png").toString()))
                .isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("gone.png").hasMessageContaining("http(s) URL");
    }

    @Test
    void aDirectoryIsNotAnImage() {
        assertThatThrownBy(() -> converter.convert(dir.toString())).isInstanceOf(TypeConversionException.class);
    }
}
