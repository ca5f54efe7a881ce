package dev.gempix2.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one JSON writer: compact or indented text that the one reader reads back to the same values. */
class JsonTextWriterTest {

    private static Object parse(String text) {
        return JsonText.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void valuesAreWrittenCompactWithEveryControlCharacterEscaped() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("text", "a \"b\" \\ c\n\t\u0001");
        value.put("numbers", List.of(1, 2L, new BigDecimal("1E+3"), 0.5));
        value.put("flags", Arrays.asList(true, null));
        value.put("empty", Map.of());

        assertThat(JsonText.write(value)).isEqualTo("{\"text\":\"a \\\"b\\\" \\\\ c\\n\\t\\u0001\","
                + "\"numbers\":[1,2,1E+3,0.5],\"flags\":[true,null],\"empty\":{}}");
    }

    @Test
    void prettyTextIsIndentedByTwoSpacesAndEndsWithALineBreak() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("rows", 2);
        value.put("list", List.of("a"));

        assertThat(JsonText.pretty(value)).isEqualTo("{\n  \"rows\": 2,\n  \"list\": [\n    \"a\"\n  ]\n}\n");
    }

    @Test
    void whatIsWrittenIsReadBackEqual() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("id", "t-1");
        value.put("big", new BigInteger("123456789012345678901234567890"));
        value.put("nested", Map.of("deep", List.of(Map.of("x", false))));

        assertThat(parse(JsonText.write(value))).isEqualTo(value);
        assertThat(parse(JsonText.pretty(value))).isEqualTo(value);
    }

    @Test
    void aValueJsonCannotHoldIsNamed() {
        assertThatThrownBy(() -> JsonText.write(Map.of("when", java.time.Instant.EPOCH)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.time.Instant");
        assertThatThrownBy(() -> JsonText.write(List.of(Double.NaN)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
    }

    @Test
    void aDeeperLimitReadsTextNestedPastTheDefault() {
        String deep = "[".repeat(JsonText.MAX_DEPTH + 10) + "]".repeat(JsonText.MAX_DEPTH + 10);

        assertThatThrownBy(() -> parse(deep)).hasMessageContaining("nested deeper");
        assertThat(JsonText.parse(deep.getBytes(StandardCharsets.UTF_8), JsonText.MAX_DEPTH * 2)).isInstanceOf(List.class);
    }
}
