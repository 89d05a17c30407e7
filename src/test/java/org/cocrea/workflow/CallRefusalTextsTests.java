package org.cocrea.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Locale;

import org.cocrea.consultation.Consultations;
import org.cocrea.kernel.FieldProblem;
import org.cocrea.kernel.InputRefusedException;
import org.junit.jupiter.api.Test;

/**
 * The refusals of a call for proposals and of a call for participation read in Tasklist as the features' bilingual
 * messages did before they became bundle keys: the same Spanish and English texts.
 */
class CallRefusalTextsTests {

    static final Locale ES = Locale.forLanguageTag("es");

    private static RefusedInputException refused(InputRefusedException e) {
        return catchThrowableOfType(RefusedInputException.class, () -> Refusals.refuseInvalid(() -> {
            throw e;
        }, "refusal.invalidCall"));
    }

    private static void sameAs(RefusedInputException now, String before) {
        RefusedInputException old = RefusedInputException.fromBilingual(before, null);
        assertThat(now.message(ES)).isEqualTo(old.message(ES));
        assertThat(now.message(Locale.ENGLISH)).isEqualTo(old.message(Locale.ENGLISH));
        assertThat(now.getMessage()).isEqualTo(old.getMessage());
    }

    @Test
    void fieldProblemsOfACallReadUnderTheInvalidCallHead() {
        sameAs(refused(new InputRefusedException(List.of(
                FieldProblem.of("actionPlan", "call.refusal.actionPlan"),
                FieldProblem.of("title", "call.refusal.title"),
                FieldProblem.of("axes", "call.refusal.axes.tooMany", 30),
                FieldProblem.of("axes", "call.refusal.axes.invalid", "Eje X"),
                FieldProblem.of("closesAt", "call.refusal.window.tooLong")))),
                "Convocatoria inválida / Invalid call: plan de acción: letras, dígitos y guiones (máx. 100) / action "
                        + "plan: letters, digits and hyphens (max 100); título requerido (máx. 300) / title required "
                        + "(max 300); como máximo 30 ejes / at most 30 axes; eje inválido / invalid axis: Eje X; la "
                        + "convocatoria no puede durar más de un año / a call cannot last more than a year");
    }

    @Test
    void aRefusalOfTheWholeCallHasNoHead() {
        sameAs(refused(InputRefusedException.of(Consultations.WHOLE_CALL, "call.refusal.alreadyOpen", "ARBA-2021-2023",
                "Primera")), "Ya hay una convocatoria abierta para el plan ARBA-2021-2023 (\"Primera\"); hay que "
                        + "cerrarla antes de abrir otra. / A call is already open for action plan ARBA-2021-2023.");
        sameAs(refused(InputRefusedException.of(Consultations.WHOLE_CALL, "call.refusal.overlaps", "Primera",
                "ARBA-2021-2023")), "Su período se superpone con la convocatoria abierta \"Primera\" (plan "
                        + "ARBA-2021-2023) / Its window overlaps the open call of plan ARBA-2021-2023");
    }

    @Test
    void aCallForParticipationNamesEachTextInTheReadersLanguage() {
        RefusedInputException refused = RefusedInputException.of(new InputRefusedException(List.of(
                FieldProblem.of("subjectEs", "mailing.refusal.subjectEs.required"),
                FieldProblem.of("bodyEn", "mailing.refusal.bodyEn.tooLong", 3900),
                FieldProblem.of("link", "mailing.refusal.link"))), "refusal.invalidCall");
        assertThat(refused.message(ES)).isEqualTo("Convocatoria inválida: asunto (es): requerido; texto (en): máximo "
                + "3900 caracteres; enlace: una dirección http(s)");
        assertThat(refused.message(Locale.ENGLISH)).isEqualTo("Invalid call: subject (es): required; text (en): at "
                + "most 3900 characters; link: an http(s) address");
        sameAs(RefusedInputException.of(new InputRefusedException(List.of(
                FieldProblem.of("link", "mailing.refusal.link"), FieldProblem.of("topic", "mailing.refusal.topic",
                        "salud")))), "Datos inválidos / Invalid data: enlace: una dirección http(s) / link: an "
                                + "http(s) address; tema desconocido / unknown topic: salud");
    }
}
