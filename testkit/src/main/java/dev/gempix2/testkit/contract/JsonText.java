package dev.gempix2.testkit.contract;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Writes plain Java values (maps, lists, strings, numbers, booleans, null) as JSON, indented when asked. */
final class JsonText {
    private JsonText() {
    }

    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value, -1);
        return out.toString();
    }

    static String pretty(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value, 0);
        return out.append('\n').toString();
    }

    private static void write(StringBuilder out, Object value, int indent) {
        if (value instanceof Map<?, ?> map) {
            out.append('{');
            Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
            while (entries.hasNext()) {
                Map.Entry<?, ?> entry = entries.next();
                newline(out, indent + 1);
                string(out, String.valueOf(entry.getKey()));
                out.append(indent < 0 ? ":" : ": ");
                write(out, entry.getValue(), indent < 0 ? -1 : indent + 1);
                out.append(entries.hasNext() ? "," : "");
            }
            newline(out, map.isEmpty() ? -1 : indent);
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                newline(out, indent + 1);
                write(out, list.get(i), indent < 0 ? -1 : indent + 1);
                out.append(i < list.size() - 1 ? "," : "");
            }
            newline(out, list.isEmpty() ? -1 : indent);
            out.append(']');
        } else if (value instanceof String text) {
            string(out, text);
        } else {
            out.append(value); // numbers, booleans, null
        }
    }

    private static void newline(StringBuilder out, int indent) {
        if (indent >= 0) {
            out.append('\n').append("  ".repeat(indent));
        }
    }

    private static void string(StringBuilder out, String text) {
        out.append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
