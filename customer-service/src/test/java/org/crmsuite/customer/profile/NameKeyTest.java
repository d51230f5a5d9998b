package org.crmsuite.customer.profile;

import static org.assertj.core.api.Assertions.assertThat;

import org.crmsuite.customer.web.Literal;
import org.junit.jupiter.api.Test;

/** CU-11 name normalisation and similarity, and literal regular expressions for search text. */
class NameKeyTest {

    @Test
    void searchKeyFoldsWidthCaseAndSpaces() {
        assertThat(NameKey.of("Ａｃｍｅ  Trading")).isEqualTo("acmetrading");
        assertThat(NameKey.of("上海 宏达")).isEqualTo("上海宏达");
    }

    @Test
    void coreDropsLegalFormsAndPunctuation_CU11() {
        assertThat(NameKey.core("上海宏达建设集团有限公司")).isEqualTo("上海宏达建设");
        assertThat(NameKey.core("Acme Trading Co., Ltd.")).isEqualTo("acmetrading");
        assertThat(NameKey.core("ACME TRADING LIMITED")).isEqualTo("acmetrading");
        assertThat(NameKey.similarity("上海宏达建设集团有限公司", "上海宏达建设有限公司")).isEqualTo(1.0);
        assertThat(NameKey.similarity("上海宏达建设", "上海宏远物业")).isLessThan(0.8);
        assertThat(NameKey.similarity("Northwind Chemicals", "Northwind Chemical")).isGreaterThan(0.9);
    }

    @Test
    void literalEscapesEveryRegexCharacter() {
        assertThat(Literal.regex(".*")).isEqualTo("\\.\\*");
        assertThat(Literal.regex("{\"$gt\":\"\"}")).isEqualTo("\\{\\\"\\$gt\\\"\\:\\\"\\\"\\}");
        assertThat(Literal.regex("宏达ab1")).isEqualTo("宏达ab1");
        assertThat("a.c".matches(Literal.regex("a.c"))).isTrue();
        assertThat("abc".matches(Literal.regex("a.c"))).isFalse();
    }
}
