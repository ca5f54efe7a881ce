package dev.gempix2.opentelemetry;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;

/** Draws exported spans as a Jaeger-like timeline (one row per span, children indented under their parent). */
final class TraceTimeline {
    private static final int WIDTH = 1100;
    private static final int ROW = 30;
    private static final int LABEL_WIDTH = 330;
    private static final int TOP = 70;
    private static final Color INTERNAL = new Color(0x4A78C2);
    private static final Color CLIENT = new Color(0x3FA66B);
    private static final Color ERROR = new Color(0xD9534F);

    private TraceTimeline() {
    }

    static void write(List<SpanData> spans, String title, Path file) throws IOException {
        List<SpanData> rows = ordered(spans);
        long start = rows.stream().mapToLong(SpanData::getStartEpochNanos).min().orElse(0);
        long end = rows.stream().mapToLong(SpanData::getEndEpochNanos).max().orElse(1);
        double scale = (WIDTH - LABEL_WIDTH - 40) / (double) Math.max(1, end - start);
        int height = TOP + rows.size() * ROW + 50;
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, height);
        g.setColor(new Color(0x222222));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, 16, 28);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        axis(g, start, end, scale, height);
        Map<String, SpanData> byId = spans.stream().collect(Collectors.toMap(SpanData::getSpanId, Function.identity()));
        int y = TOP;
        for (SpanData span : rows) {
            int depth = depth(span, byId);
            g.setColor(new Color(0x333333));
            g.drawString(span.getName() + "  (" + span.getKind().name().toLowerCase(Locale.ROOT) + ")",
                    16 + depth * 18, y + 19);
            int x = LABEL_WIDTH + (int) ((span.getStartEpochNanos() - start) * scale);
            int w = Math.max(3, (int) ((span.getEndEpochNanos() - span.getStartEpochNanos()) * scale));
            g.setColor(span.getStatus().getStatusCode() == StatusCode.ERROR ? ERROR
                    : span.getKind() == SpanKind.INTERNAL ? INTERNAL : CLIENT);
            g.fillRoundRect(x, y + 6, w, ROW - 12, 6, 6);
            g.setColor(new Color(0x333333));
            String detail = millis(span.getEndEpochNanos() - span.getStartEpochNanos()) + detail(span);
            int textWidth = g.getFontMetrics().stringWidth(detail);
            if (x + w + 6 + textWidth < WIDTH - 8) {
                g.drawString(detail, x + w + 6, y + 19);
            } else if (w > textWidth + 12) {
                g.setColor(Color.WHITE);
                g.drawString(detail, x + 6, y + 19);
            } else {
                g.drawString(detail, x - textWidth - 6, y + 19);
            }
            for (EventData event : span.getEvents()) {
                int ex = LABEL_WIDTH + (int) ((event.getEpochNanos() - start) * scale);
                g.setColor(Color.BLACK);
                g.fillPolygon(new int[] {ex, ex + 5, ex, ex - 5}, new int[] {y + 2, y + 7, y + 12, y + 7}, 4);
            }
            y += ROW;
        }
        g.setColor(new Color(0x666666));
        g.drawString("blue: INTERNAL   green: CLIENT (one per HTTP attempt)   red: error   ◆: event (status change, "
                + "callback)", 16, height - 16);
        g.dispose();
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
    }

    private static void axis(Graphics2D g, long start, long end, double scale, int height) {
        g.setStroke(new BasicStroke(1f));
        long totalMillis = Math.max(1, (end - start) / 1_000_000);
        long step = totalMillis <= 200 ? 20 : totalMillis <= 1000 ? 100 : totalMillis <= 5000 ? 500 : 1000;
        for (long ms = 0; ms <= totalMillis; ms += step) {
            int x = LABEL_WIDTH + (int) (ms * 1_000_000 * scale);
            g.setColor(new Color(0xE6E6E6));
            g.drawLine(x, TOP - 8, x, height - 36);
            g.setColor(new Color(0x888888));
            g.drawString(ms + " ms", x - 12, TOP - 14);
        }
    }

    private static String detail(SpanData span) {
        Long status = span.getAttributes().get(GemPix2Tracing.STATUS_CODE);
        String taskStatus = span.getAttributes().get(GemPix2Tracing.TASK_STATUS);
        Long polls = span.getAttributes().get(GemPix2Tracing.POLLS);
        if (taskStatus != null) {
            return "  " + taskStatus + ", polls " + polls;
        }
        return status == null ? "" : "  HTTP " + status;
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    private static int depth(SpanData span, Map<String, SpanData> byId) {
        int depth = 0;
        SpanData parent = byId.get(span.getParentSpanId());
        while (parent != null) {
            depth++;
            parent = byId.get(parent.getParentSpanId());
        }
        return depth;
    }

    /** Depth-first: each span followed by its children, in start order. */
    private static List<SpanData> ordered(List<SpanData> spans) {
        Map<String, SpanData> byId = spans.stream().collect(Collectors.toMap(SpanData::getSpanId, Function.identity()));
        List<SpanData> roots = spans.stream().filter(s -> !byId.containsKey(s.getParentSpanId()))
                .sorted(Comparator.comparingLong(SpanData::getStartEpochNanos)).toList();
        List<SpanData> out = new ArrayList<>();
        roots.forEach(root -> visit(root, spans, out));
        return out;
    }

    private static void visit(SpanData span, List<SpanData> all, List<SpanData> out) {
        out.add(span);
        all.stream().filter(s -> s.getParentSpanId().equals(span.getSpanId()))
                .sorted(Comparator.comparingLong(SpanData::getStartEpochNanos))
                .forEach(child -> visit(child, all, out));
    }
}
