package dev.gempix2.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTextTest {

    private static Object parse(String text) {
        return JsonText.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anAnswerIsReadIntoPlainValuesInOrder() {
        Object value = parse(" {\"code\":0,\"data\":{\"task_id\":\"ta-1\",\"result\":[{\"image\":\"a\\u00e9\\n\"}],"
                + "\"ok\":true,\"none\":null}} ");

        Map<?, ?> data = (Map<?, ?>) ((Map<?, ?>) value).get("data");
        assertThat(((Map<?, ?>) value).get("code")).isEqualTo(0L);
        assertThat(List.copyOf(data.keySet())).isEqualTo(List.of("task_id", "result", "ok", "none"));
        assertThat(data.get("result")).isEqualTo(List.of(Map.of("image", "aé\n")));
        assertThat(data.get("ok")).isEqualTo(true);
        assertThat(data.containsKey("none") && data.get("none") == null).isTrue();
    }

    @Test
    void numbersAreExactNeverRoundedThroughDouble() {
        assertThat(parse("1.000000000000000000000000000001e400")).isEqualTo(new BigDecimal("1.000000000000000000000000000001e400"));
        assertThat(parse("123456789012345678901234567890")).isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(parse("-42")).isEqualTo(-42L);
        assertThat(parse("0.1")).isEqualTo(new BigDecimal("0.1"));
    }

    @Test
    void textAfterTheValueIsRefused() {
        assertThatThrownBy(() -> parse("{\"code\":0} <html>")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nothing may follow");
    }

    @Test
    void malformedTextIsRefusedSayingWhere() {
        for (String broken : List.of("", "{", "{\"a\":}", "[1,]", "01", "\"unterminated", "tru", "{'a':1}", "1.",
                "\"\\x\"", "NaN")) {
            assertThatThrownBy(() -> parse(broken)).as(broken).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("not JSON at character");
        }
    }

    @Test
    void nestingPastTheLimitIsRefused() {
        assertThatThrownBy(() -> parse("[".repeat(JsonText.MAX_DEPTH + 2))).hasMessageContaining("nested deeper");
    }
}
