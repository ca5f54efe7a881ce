package dev.gempix2.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PngRendererTest {

    @Test
    void anImageIsADecodablePngOfTheDocumentedSize() throws IOException {
        BufferedImage image = decode(PngRenderer.render("a lighthouse at dawn, oil painting", 1, 2));
        assertThat(image.getWidth()).isEqualTo(PngRenderer.SIZE);
        assertThat(image.getHeight()).isEqualTo(PngRenderer.SIZE);
    }

    @Test
    void theWordsOfThePromptChangeThePixels() throws IOException {
        byte[] withWords = PngRenderer.render("words on a picture", 1, 1, true);
        byte[] withoutWords = PngRenderer.render("words on a picture", 1, 1, false);
        assertThat(withWords).isNotEqualTo(withoutWords);
        assertThat(decode(withoutWords).getWidth()).as("without fonts the PNG is still valid").isEqualTo(PngRenderer.SIZE);
    }

    @Test
    void imagesOfOneTaskDifferAndAreStableForTheSamePrompt() {
        assertThat(PngRenderer.render("same", 1, 2, false)).isNotEqualTo(PngRenderer.render("same", 2, 2, false));
        assertThat(PngRenderer.render("same", 1, 2, false)).isEqualTo(PngRenderer.render("same", 1, 2, false));
    }

    private static BufferedImage decode(byte[] png) throws IOException {
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).as("ImageIO decodes it").isNotNull();
        return image;
    }
}
