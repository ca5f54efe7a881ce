package dev.gempix2.core.wire;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one JSON reader every transport uses for the API's answers, so that they all read the same text the same
 * way: strict RFC 8259 (nothing may follow the value), numbers exact ({@code Long}, {@code BigInteger} or
 * {@code BigDecimal}, never a rounded {@code double}), nesting at most {@value #MAX_DEPTH} deep. Values come out
 * as {@code Map} (in order), {@code List}, {@code String}, {@code Boolean} and {@code null}. Also the one writer
 * of such values ({@link #write(Object)}, {@link #pretty(Object)}) for the SDK's own JSON text: the JDBC task
 * store's columns and the testkit's reports. Stateless and thread-safe.
 */
public final class JsonText {
    /** The deepest nesting read; the API's answers are 4 deep. */
    public static final int MAX_DEPTH = 64;

    private final String text;
    private final int maxDepth;
    private int at;

    private JsonText(String text, int maxDepth) {
        this.text = text;
        this.maxDepth = maxDepth;
    }

    /**
     * @param utf8 a JSON document
     * @return its value
     * @throws IllegalArgumentException saying where the text stops being JSON
     */
    public static Object parse(byte[] utf8) {
        return parse(utf8, MAX_DEPTH);
    }

    /**
     * Like {@link #parse(byte[])} with another nesting limit: for text this SDK wrote itself (such as a stored
     * request whose extra fields nest deeper than any API answer).
     *
     * @param utf8 a JSON document
     * @param maxDepth the deepest nesting accepted, positive
     * @return its value
     * @throws IllegalArgumentException saying where the text stops being JSON
     */
    public static Object parse(byte[] utf8, int maxDepth) {
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be positive, got " + maxDepth);
        }
        JsonText reader = new JsonText(new String(utf8, StandardCharsets.UTF_8), maxDepth);
        reader.skipSpace();
        Object value = reader.value(0);
        reader.skipSpace();
        if (reader.at != reader.text.length()) {
            throw reader.error("nothing may follow the JSON value");
        }
        return value;
    }

    /**
     * @param value a {@code Map} (keys written as {@code String.valueOf(key)}), {@code List}, {@code String},
     *              finite {@code Number}, {@code Boolean} or {@code null}, nested as deep as wanted
     * @return its compact JSON text
     * @throws IllegalArgumentException naming the type of a value JSON cannot hold, or a number that is not finite
     */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value, -1);
        return out.toString();
    }

    /**
     * @param value as for {@link #write(Object)}
     * @return its JSON text indented by two spaces, ending with a line break
     * @throws IllegalArgumentException naming the type of a value JSON cannot hold, or a number that is not finite
     */
    public static String pretty(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value, 0);
        return out.append('\n').toString();
    }

    /** Writes one value; a negative indent writes it compact. */
    private static void write(StringBuilder out, Object value, int indent) {
        if (value instanceof Map<?, ?> map) {
            out.append('{');
            Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
            while (entries.hasNext()) {
                Map.Entry<?, ?> entry = entries.next();
                newline(out, indent < 0 ? -1 : indent + 1);
                writeString(out, String.valueOf(entry.getKey()));
                out.append(indent < 0 ? ":" : ": ");
                write(out, entry.getValue(), indent < 0 ? -1 : indent + 1);
                out.append(entries.hasNext() ? "," : "");
            }
            newline(out, map.isEmpty() ? -1 : indent);
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                newline(out, indent < 0 ? -1 : indent + 1);
                write(out, list.get(i), indent < 0 ? -1 : indent + 1);
                out.append(i < list.size() - 1 ? "," : "");
            }
            newline(out, list.isEmpty() ? -1 : indent);
            out.append(']');
        } else if (value instanceof String string) {
            writeString(out, string);
        } else if (value == null || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Number number) {
            if ((number instanceof Double || number instanceof Float) && !Double.isFinite(number.doubleValue())) {
                throw new IllegalArgumentException("JSON cannot hold the number " + number);
            }
            out.append(number);
        } else {
            throw new IllegalArgumentException("JSON cannot hold a " + value.getClass().getName());
        }
    }

    private static void newline(StringBuilder out, int indent) {
        if (indent >= 0) {
            out.append('\n').append("  ".repeat(indent));
        }
    }

    private static void writeString(StringBuilder out, String string) {
        out.append('"');
        for (int i = 0; i < string.length(); i++) {
            char c = string.charAt(i);
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

    private Object value(int depth) {
        if (depth > maxDepth) {
            throw error("nested deeper than " + maxDepth);
        }
        char c = peek();
        switch (c) {
            case '{':
                return object(depth);
            case '[':
                return array(depth);
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw error("unexpected character '" + c + "'");
        }
    }

    private Map<String, Object> object(int depth) {
        Map<String, Object> map = new LinkedHashMap<>();
        at++;
        skipSpace();
        if (peek() == '}') {
            at++;
            return map;
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw error("a field name must be a string");
            }
            String name = string();
            skipSpace();
            expect(':');
            skipSpace();
            map.put(name, value(depth + 1));
            skipSpace();
            if (peek() == ',') {
                at++;
                continue;
            }
            expect('}');
            return map;
        }
    }

    private List<Object> array(int depth) {
        List<Object> list = new ArrayList<>();
        at++;
        skipSpace();
        if (peek() == ']') {
            at++;
            return list;
        }
        while (true) {
            skipSpace();
            list.add(value(depth + 1));
            skipSpace();
            if (peek() == ',') {
                at++;
                continue;
            }
            expect(']');
            return list;
        }
    }

    private String string() {
        at++;
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                throw error("a control character inside a string");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char escaped = next();
            switch (escaped) {
                case '"', '\\', '/' -> out.append(escaped);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (at + 4 > text.length()) {
                        throw error("a \\u escape needs four hex digits");
                    }
                    try {
                        out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    } catch (NumberFormatException notHex) {
                        throw error("a \\u escape needs four hex digits");
                    }
                    at += 4;
                }
                default -> throw error("unknown escape \\" + escaped);
            }
        }
    }

    private Object number() {
        int start = at;
        if (peek() == '-') {
            at++;
        }
        if (peek() == '0') {
            at++;
        } else {
            digits();
        }
        boolean integral = true;
        if (at < text.length() && text.charAt(at) == '.') {
            integral = false;
            at++;
            digits();
        }
        if (at < text.length() && (text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
            integral = false;
            at++;
            if (at < text.length() && (text.charAt(at) == '+' || text.charAt(at) == '-')) {
                at++;
            }
            digits();
        }
        String literal = text.substring(start, at);
        if (!integral) {
            return new BigDecimal(literal);
        }
        BigInteger value = new BigInteger(literal);
        return value.bitLength() < 64 ? (Object) value.longValue() : value;
    }

    private void digits() {
        int start = at;
        while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
            at++;
        }
        if (at == start) {
            throw error("a digit expected");
        }
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, at)) {
            throw error("unexpected word");
        }
        at += word.length();
        return value;
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("'" + c + "' expected");
        }
        at++;
    }

    private char peek() {
        if (at >= text.length()) {
            throw error("the text ends too early");
        }
        return text.charAt(at);
    }

    private char next() {
        char c = peek();
        at++;
        return c;
    }

    private void skipSpace() {
        while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
    }

    private IllegalArgumentException error(String problem) {
        return new IllegalArgumentException("not JSON at character " + at + ": " + problem);
    }
}
