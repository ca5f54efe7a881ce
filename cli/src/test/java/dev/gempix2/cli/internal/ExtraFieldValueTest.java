package dev.gempix2.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ExtraFieldValueTest {

    @Test
    void numbersAndBooleansAreSentAsSuch() {
        assertThat(ExtraFieldValue.parse("42")).isEqualTo(42L);
        assertThat(ExtraFieldValue.parse("-3")).isEqualTo(-3L);
        assertThat(ExtraFieldValue.parse("0.75")).isEqualTo(new BigDecimal("0.75"));
        assertThat(ExtraFieldValue.parse("true")).isEqualTo(Boolean.TRUE);
        assertThat(ExtraFieldValue.parse("false")).isEqualTo(Boolean.FALSE);
    }

    @Test
    void everythingElseIsAString() {
        assertThat(ExtraFieldValue.parse("16:9")).isEqualTo("16:9");
        assertThat(ExtraFieldValue.parse("007")).isEqualTo("007");
        assertThat(ExtraFieldValue.parse("True")).isEqualTo("True");
        assertThat(ExtraFieldValue.parse("")).isEqualTo("");
    }

    @Test
    void aQuotedValueIsTheStringInsideTheQuotes() {
        assertThat(ExtraFieldValue.parse("\"42\"")).isEqualTo("42");
        assertThat(ExtraFieldValue.parse("\"true\"")).isEqualTo("true");
    }
}
