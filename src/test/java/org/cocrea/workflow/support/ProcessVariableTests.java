package org.cocrea.workflow.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.cocrea.workflow.RefusedInputException;
import org.junit.jupiter.api.Test;

/** ProcessVariable: typed reads from a variables map, the error naming variable and type, and form-field reading. */
class ProcessVariableTests {

    static final ProcessVariable<Long> CALL_ID = ProcessVariable.of("callId", Long.class);
    static final ProcessVariable<Long> COMMITMENT_ID = ProcessVariable.wholeNumber("commitmentId");

    @Test
    void readsAndWritesAsStored() {
        Map<String, Object> vars = CALL_ID.put(new HashMap<>(), 7L);
        assertThat(CALL_ID.get(vars)).isEqualTo(7L);
        assertThat(CALL_ID.name()).isEqualTo("callId");
        assertThat(CALL_ID.type()).isEqualTo(Long.class);
        assertThat(CALL_ID.get(Map.of())).isNull();
        assertThat(COMMITMENT_ID.get(Map.of("commitmentId", 3))).isEqualTo(3L);
    }

    @Test
    void aWrongTypeNamesTheVariableAndTheExpectedType() {
        assertThatThrownBy(() -> CALL_ID.get(Map.of("callId", "7"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("callId").hasMessageContaining("Long").hasMessageContaining("java.lang.String");
        assertThatThrownBy(() -> COMMITMENT_ID.get(Map.of("commitmentId", "x")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("commitmentId");
    }

    @Test
    void formFieldsAreReadAsTasklistSubmitsThem() {
        Instant at = Instant.parse("2026-12-07T13:00:00Z");
        assertThat(ProcessVariable.instant("startsAt").from("2026-12-07T10:00")).isEqualTo(at);
        assertThat(ProcessVariable.instant("startsAt").from(Date.from(at))).isEqualTo(at);
        assertThat(ProcessVariable.integer("capacity").from(40.0)).isEqualTo(40);
        assertThat(ProcessVariable.bool("relevant").from("true")).isTrue();
        assertThat(ProcessVariable.list("attendees").from("[\"a\",\"b\"]")).containsExactly("a", "b");
        assertThat(ProcessVariable.list("attendees").from(null)).isEqualTo(List.of());
        assertThat(ProcessVariable.text("notes").from(null)).isNull();
        assertThatThrownBy(() -> ProcessVariable.instant("startsAt").from("mañana"))
                .isInstanceOf(RefusedInputException.class)
                .hasMessage("Campo startsAt: fecha y hora inválida: mañana / Field startsAt: invalid date-time: mañana");
        assertThatThrownBy(() -> ProcessVariable.integer("capacity").from(2.5))
                .isInstanceOf(RefusedInputException.class).hasMessageContaining("capacity");
    }
}
