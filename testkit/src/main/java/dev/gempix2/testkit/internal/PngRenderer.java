package dev.gempix2.testkit.internal;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws the fake's images: a gradient picked from the prompt, with the prompt's words on it so that a person
 * looking at one sees what was asked. Headless; where the JVM finds no fonts (a slim container) the words are
 * left out and the PNG is still valid.
 */
public final class PngRenderer {
    /** Width and height of every image, in pixels. */
    public static final int SIZE = 256;

    private static final System.Logger LOG = System.getLogger("dev.gempix2");
    private static volatile boolean fontsUsable = true;

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private static final java.util.concurrent.atomic.AtomicBoolean WARMED = new java.util.concurrent.atomic.AtomicBoolean();

    private PngRenderer() {
    }

    /**
     * Loads the imaging and font classes once per JVM on a background thread, so that the first image a test
     * asks for does not pay for it (it takes a second or two on a cold JVM).
     */
    public static void warmUpInBackground() {
        if (WARMED.compareAndSet(false, true)) {
            Thread thread = new Thread(() -> render("warm up", 1, 1), "gempix2-fake-warm-up");
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            thread.start();
        }
    }

    /**
     * @param prompt the words to draw
     * @param number the image's number within its task, from 1
     * @param count how many images the task has
     * @return a PNG file's bytes
     */
    public static byte[] render(String prompt, int number, int count) {
        return render(prompt, number, count, fontsUsable);
    }

    /** Like {@link #render(String, int, int)}, with the words left out when asked (as without fonts). */
    static byte[] render(String prompt, int number, int count, boolean withWords) {
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            int hue = (prompt.hashCode() & 0xffff) + number * 4099;
            Color from = Color.getHSBColor((hue % 360) / 360f, 0.45f, 0.95f);
            Color to = Color.getHSBColor(((hue + 120) % 360) / 360f, 0.55f, 0.55f);
            graphics.setPaint(new GradientPaint(0, 0, from, SIZE, SIZE, to));
            graphics.fillRect(0, 0, SIZE, SIZE);
            if (withWords) {
                drawWords(graphics, prompt, number, count);
            }
        } finally {
            graphics.dispose();
        }
        return encode(image);
    }

    private static void drawWords(Graphics2D graphics, String prompt, int number, int count) {
        try {
            graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            graphics.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
            graphics.setColor(Color.WHITE);
            FontMetrics metrics = graphics.getFontMetrics();
            int y = 16 + metrics.getAscent();
            for (String line : wrap(prompt, metrics, SIZE - 24)) {
                if (y > SIZE - 40) {
                    graphics.drawString("…", 12, y);
                    break;
                }
                graphics.drawString(line, 12, y);
                y += metrics.getHeight();
            }
            graphics.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 12));
            graphics.drawString("GemPix2 fake · " + number + "/" + count, 12, SIZE - 12);
        } catch (RuntimeException | Error noFonts) {
            // A JVM without fonts (no fontconfig, no font files) fails here: keep drawing images without words.
            fontsUsable = false;
            LOG.log(System.Logger.Level.INFO, "GemPix2 fake: no usable fonts ({0}); images carry no words",
                    noFonts.toString());
        }
    }

    private static List<String> wrap(String text, FontMetrics metrics, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (metrics.stringWidth(candidate) <= width || line.length() == 0) {
                line.setLength(0);
                line.append(candidate);
            } else {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static byte[] encode(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("this JVM has no PNG writer");
            }
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return out.toByteArray();
    }
}
