package org.cocrea.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link InputText}: lengths in code points, cuts never split a surrogate pair, forbidden characters. */
class InputTextTests {

    @Test
    void lengthCountsCodePointsNotUtf16Units() {
        assertThat(InputText.length(null)).isZero();
        assertThat(InputText.length("ñandú")).isEqualTo(5);
        assertThat(InputText.length("😀".repeat(76))).isEqualTo(76);
        assertThat("😀".repeat(76)).hasSize(152);
        // a combining accent is a character of its own, as in PostgreSQL
        assertThat(InputText.length("e\u0301")).isEqualTo(2);
        assertThat(InputText.exceeds("😀".repeat(150), 150)).isFalse();
        assertThat(InputText.exceeds("😀".repeat(151), 150)).isTrue();
        assertThat(InputText.exceeds(null, 0)).isFalse();
    }

    @Test
    void cutsKeepWholeCodePoints() {
        assertThat(InputText.cut("a😀b😀", 2)).isEqualTo("a😀");
        assertThat(InputText.cut("abc", 5)).isEqualTo("abc");
        assertThat(InputText.cut(null, 5)).isNull();
        assertThat(InputText.abbreviate("😀".repeat(10), 5, "...")).isEqualTo("😀😀...");
        assertThat(InputText.abbreviate("😀".repeat(5), 5, "...")).isEqualTo("😀".repeat(5));
        assertThat(InputText.hasForbiddenCharacters(InputText.cut("😀".repeat(3), 2))).isFalse();
    }

    @Test
    void visibleNeedsACharacterOneCanSee() {
        assertThat(InputText.visible(null)).isFalse();
        assertThat(InputText.visible(" \t\n")).isFalse();
        assertThat(InputText.visible("\u00A0\u200B\u2009")).as("no-break, zero-width and thin spaces").isFalse();
        assertThat(InputText.visible("\u200Bá")).isTrue();
        assertThat(InputText.visible("·")).isTrue();
    }

    @Test
    void forbiddenCharacters() {
        assertThat(InputText.hasForbiddenCharacters("texto\ncon\tsaltos 😀 é")).isFalse();
        assertThat(InputText.hasForbiddenCharacters("nul\u0000")).isTrue();
        assertThat(InputText.hasForbiddenCharacters("\u202Eabc")).isTrue();
        assertThat(InputText.hasForbiddenCharacters("\u2067abc")).isTrue();
        assertThat(InputText.hasForbiddenCharacters("\uD83D")).isTrue();
        assertThat(InputText.hasForbiddenCharacters("\uDE00x")).isTrue();
        assertThat(InputText.hasForbiddenCharacters("\u0085")).isTrue();
    }

    @Test
    void forbiddenCharactersCanBeRemovedFromTextThatIsKept() {
        assertThat(InputText.withoutForbiddenCharacters("acta\u202Efdp.exe")).isEqualTo("actafdp.exe");
        assertThat(InputText.withoutForbiddenCharacters("a\u0000b\tc\nd\uD83De😀")).isEqualTo("abcde😀");
        assertThat(InputText.withoutForbiddenCharacters(null)).isNull();
    }
}
