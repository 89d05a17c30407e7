package org.cocrea.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;

import org.junit.jupiter.api.Test;

/** Picking one language of a bilingual text, the visible fallback and the own-translation marker. */
class BilingualTextTests {

    @Test
    void eachReaderGetsTheirLanguage() {
        BilingualText t = new BilingualText("Capacitación y difusión", "Training and dissemination", "es");
        assertThat(t.in(Locale.forLanguageTag("es"))).isEqualTo(
                new BilingualText.Shown("Capacitación y difusión", "es", false, true));
        assertThat(t.in(Locale.ENGLISH)).isEqualTo(
                new BilingualText.Shown("Training and dissemination", "en", false, false));
        assertThat(t.in((Locale) null).text()).as("Spanish by default").isEqualTo("Capacitación y difusión");
        assertThat(t.in(Locale.FRENCH).language()).as("other languages read Spanish").isEqualTo("es");
    }

    @Test
    void aTextInOneLanguageOnlyIsShownAsAFallback() {
        BilingualText english = new BilingualText(null, "Plain Language", null);
        assertThat(english.in("es")).isEqualTo(new BilingualText.Shown("Plain Language", "en", true, false));
        BilingualText spanish = new BilingualText("Mesa de co-creación", "  ");
        assertThat(spanish.in("en")).isEqualTo(new BilingualText.Shown("Mesa de co-creación", "es", true, false));
        assertThat(new BilingualText(null, null).in("en").present()).isFalse();
    }

    @Test
    void theTranslatedMarkerNeedsTheTranslatedSide() {
        assertThat(new BilingualText(null, "Only English", "es").translated()).isNull();
        assertThatThrownBy(() -> new BilingualText("a", "b", "fr")).isInstanceOf(IllegalArgumentException.class);
        BilingualText shownAsFallback = new BilingualText("Traducción", null, "es");
        assertThat(shownAsFallback.in("en")).isEqualTo(new BilingualText.Shown("Traducción", "es", true, true));
    }

    @Test
    void featureMessagesStillSplit() {
        BilingualText t = BilingualText.parse("Datos inválidos / Invalid data: subject: requerido / required");
        assertThat(t.spanish()).isEqualTo("Datos inválidos: subject: requerido");
        assertThat(t.english()).isEqualTo("Invalid data: subject: required");
    }
}
