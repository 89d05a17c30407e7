package org.cocrea.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.core.HttpHeaders;

import org.cocrea.kernel.FieldProblem;
import org.cocrea.kernel.InputRefusedException;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

/**
 * How a refusal picks its language: the texts the features write in both languages at once are split where that is
 * certain, and kept whole (as before) where it is not; the reader's language comes from {@code Accept-Language}.
 */
class RefusedInputExceptionTests {

    static final Locale ES = Locale.forLanguageTag("es");

    @Test
    void aKernelRefusalReadsAsTheFeaturesBilingualTextsDid() {
        RefusedInputException refused = RefusedInputException.of(new InputRefusedException(List.of(
                FieldProblem.of("verdict", "review.verdict"),
                FieldProblem.of("reasoning", "review.reasoning.tooLong", 4000))));
        assertThat(refused.message(ES)).isEqualTo("Datos inválidos: dictamen: elija factible, parcialmente factible o "
                + "no factible; fundamentación: máximo 4000 caracteres");
        assertThat(refused.message(Locale.ENGLISH)).isEqualTo("Invalid data: verdict: choose feasible, partially "
                + "feasible or not feasible; reasoning: at most 4000 characters");
        assertThat(refused.getMessage()).isEqualTo(refused.message(ES) + " / " + refused.message(Locale.ENGLISH));
        assertThat(refused).hasCauseInstanceOf(InputRefusedException.class);
        assertThat(RefusedInputException.of(InputRefusedException.of("proposalIds", "review.notFeasible", "12345"))
                .message(ES)).isEqualTo("Datos inválidos: la propuesta 12345 no es factible en esta convocatoria");
    }

    @Test
    void aFeatureListOfProblemsIsSplitIntoBothLanguages() {
        RefusedInputException refused = RefusedInputException.fromBilingual("Datos inválidos / Invalid data: "
                + "dictamen: elija factible / verdict: choose feasible; fundamentación requerida / reasoning is "
                + "required", null);
        assertThat(refused.message(ES)).isEqualTo("Datos inválidos: dictamen: elija factible; fundamentación requerida");
        assertThat(refused.message(Locale.ENGLISH)).isEqualTo("Invalid data: verdict: choose feasible; reasoning is "
                + "required");
        assertThat(refused.getMessage()).as("unchanged for callers that read the message")
                .contains("fundamentación requerida").contains("reasoning is required");
    }

    @Test
    void aFieldNameTheSpanishPartStartsWithIsKeptInEnglish() {
        RefusedInputException refused = RefusedInputException.fromBilingual(
                "Convocatoria inválida / Invalid call: subject: requerido / required", null);
        assertThat(refused.message(ES)).isEqualTo("Convocatoria inválida: subject: requerido");
        assertThat(refused.message(Locale.ENGLISH)).isEqualTo("Invalid call: subject: required");
    }

    @Test
    void oneSentenceInEachLanguageIsSplit() {
        RefusedInputException refused = RefusedInputException.fromBilingual("Ya hay una convocatoria abierta "
                + "(\"Consulta\"); hay que cerrarla antes. / A call is already open.", null);
        assertThat(refused.message(ES)).isEqualTo("Ya hay una convocatoria abierta (\"Consulta\"); hay que cerrarla "
                + "antes.");
        assertThat(refused.message(Locale.ENGLISH)).isEqualTo("A call is already open.");
    }

    @Test
    void aTextThatCannotBeSplitWithoutDoubtStaysWholeInEveryLanguage() {
        String ambiguous = "Datos inválidos / Invalid data: título \"A / B\" repetido / title repeated";
        RefusedInputException refused = RefusedInputException.fromBilingual(ambiguous, null);
        assertThat(refused.message(ES)).isEqualTo(ambiguous);
        assertThat(refused.message(Locale.ENGLISH)).isEqualTo(ambiguous);
        assertThat(new RefusedInputException("solo en español").message(Locale.ENGLISH)).isEqualTo("solo en español");
    }

    @Test
    void otherLanguagesAndNoLanguageGetBoth() {
        RefusedInputException refused = RefusedInputException.of("Campo x: lista ilegible", "Field x: unreadable list");
        assertThat(refused.message(null)).isEqualTo("Campo x: lista ilegible / Field x: unreadable list");
        assertThat(refused.message(Locale.GERMAN)).isEqualTo(refused.getMessage());
        assertThat(refused.rethrownFrom(new IllegalStateException("wrapper")).message(Locale.ENGLISH))
                .isEqualTo("Field x: unreadable list");
        assertThat(new UnknownTaskException("t-1").rethrownFrom(new IllegalStateException()))
                .isInstanceOf(UnknownTaskException.class);
    }

    @Test
    void theReadersLanguageIsTheFirstAcceptedOfSpanishAndEnglish() {
        assertThat(RefusedInputRestMapper.language(accepting(Locale.forLanguageTag("de"), Locale.forLanguageTag(
                "en-GB"), ES))).isEqualTo(Locale.ENGLISH);
        assertThat(RefusedInputRestMapper.language(accepting(Locale.forLanguageTag("es-AR")))).isEqualTo(ES);
        assertThat(RefusedInputRestMapper.language(accepting(new Locale("*")))).isNull();
        assertThat(RefusedInputRestMapper.language(accepting(Locale.FRENCH))).isNull();
        assertThat(RefusedInputRestMapper.language(null)).isNull();
    }

    private static HttpHeaders accepting(Locale... locales) {
        HttpHeaders headers = Mockito.mock(HttpHeaders.class);
        Mockito.when(headers.getAcceptableLanguages()).thenReturn(List.of(locales));
        return headers;
    }
}
