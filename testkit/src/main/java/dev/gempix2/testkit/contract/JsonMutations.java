package dev.gempix2.testkit.contract;

import dev.gempix2.core.wire.JsonText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Hostile bodies for parsers: a valid answer or callback of the API, then a few random mutations (fields dropped,
 * types swapped, absurd numbers and dates, odd strings, deep nesting, truncation, garbage). For property-based
 * tests of response mapping and webhook endpoints; the {@link Random} is the property framework's, so a failing
 * case can be reproduced from its seed.
 *
 * <pre>{@code
 * @Property
 * void aQueryAnswerIsASnapshotOrAGemPix2Exception(@ForAll("bodies") String body) { ... }
 *
 * @Provide
 * Arbitrary<String> bodies() {
 *     return Arbitraries.randomValue(JsonMutations::queryAnswer);
 * }
 * }</pre>
 */
public final class JsonMutations {
    private static final String[] STATUSES = {"pending", "submitted", "in_progress", "success", "failed",
        "moderation", "", "SUCCESS", "succes"};
    private static final Object[] ODD_VALUES = {null, "", " ", "1e999999999", "-1", 1e308, Long.MAX_VALUE,
        -Long.MAX_VALUE, "99999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "not a date", "\u0000",
        "ta with space", "x".repeat(300), true, List.of(), Map.of(), List.of(1, "two"), "data:image/png;base64,!!!",
        "file:///etc/passwd", "javascript:alert(1)", "http://", 0.1, Integer.MIN_VALUE};

    private JsonMutations() {
    }

    /**
     * @param random the source of randomness
     * @return the body of a query answer ({@code {"code":0,"data":{...}}}), maybe mutated
     */
    public static String queryAnswer(Random random) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", 0);
        body.put("message", "ok");
        body.put("data", task(random));
        return mutate(body, random);
    }

    /**
     * @param random the source of randomness
     * @return the body of a submit answer ({@code {"code":0,"data":{"task_id":...}}}), maybe mutated
     */
    public static String submitAnswer(Random random) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("task_id", "ta" + Long.toHexString(random.nextLong()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", 0);
        body.put("message", "ok");
        body.put("data", data);
        return mutate(body, random);
    }

    /**
     * @param random the source of randomness
     * @return the body of a callback (the spec's {@code CallbackPayload}), maybe mutated
     */
    public static String callback(Random random) {
        return mutate(task(random), random);
    }

    private static Map<String, Object> task(Random random) {
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("task_id", "ta" + Long.toHexString(random.nextLong()));
        String status = STATUSES[random.nextInt(5)];
        task.put("status", status);
        task.put("consumed", "0.500000");
        task.put("created_at", "2025-01-01T00:00:00Z");
        task.put("status_reason", Map.of("message", status.equals("failed") ? "content policy" : ""));
        task.put("result", status.equals("success")
                ? List.of(Map.of("image", "https://img.example/" + random.nextInt(1000) + ".png")) : null);
        return task;
    }

    @SuppressWarnings("unchecked")
    private static String mutate(Map<String, Object> body, Random random) {
        int mutations = random.nextInt(4);
        for (int i = 0; i < mutations; i++) {
            Map<String, Object> target = body;
            if (body.get("data") instanceof Map<?, ?> data && random.nextBoolean()) {
                target = new LinkedHashMap<>((Map<String, Object>) data);
                body.put("data", target);
            }
            List<String> keys = new ArrayList<>(target.keySet());
            String key = keys.isEmpty() ? "task_id" : keys.get(random.nextInt(keys.size()));
            switch (random.nextInt(6)) {
                case 0 -> target.remove(key);
                case 1 -> target.put(key, ODD_VALUES[random.nextInt(ODD_VALUES.length)]);
                case 2 -> target.put("status", STATUSES[random.nextInt(STATUSES.length)]);
                case 3 -> target.put(key, nested(random.nextInt(60)));
                case 4 -> target.put("result", List.of(Map.of("image", ODD_VALUES[random.nextInt(ODD_VALUES.length)]
                        == null ? "" : String.valueOf(ODD_VALUES[random.nextInt(ODD_VALUES.length)]))));
                default -> target.put(key + "_extra", random.nextInt());
            }
        }
        String text = JsonText.write(body);
        return switch (random.nextInt(12)) {
            case 0 -> text.substring(0, random.nextInt(text.length()));
            case 1 -> garbage(random);
            case 2 -> "[" + text + "]";
            default -> text;
        };
    }

    private static Object nested(int depth) {
        Object value = "deep";
        for (int i = 0; i < depth; i++) {
            value = List.of(value);
        }
        return value;
    }

    private static String garbage(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(40);
        for (int i = 0; i < length; i++) {
            text.append((char) (random.nextInt(0x7e - 0x20) + 0x20));
        }
        return text.toString();
    }
}
