package org.cocrea.proposal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes two calls, their proposals in every status, a held round-table and the commitments drafted from it straight
 * into the tables (as the consultation, round-table and commitment features would), for the public proposal list's
 * tests. Every proposal carries personal data marked {@code SECRETO} (name, e-mail, organisation, contact person,
 * reviewer, internal reasoning) that must never reach a public output, and the one reviewed but not yet answered has
 * an unsent response {@code SECRETO-RESPUESTA}.
 * <ul>
 * <li>{@link #P1} call 2021, datos-abiertos, RESPONDED (feasible), area-gobierno-abierto, prioritised: went to the
 * held round-table, from which commitment {@code PX0001} was published (and a draft, never shown).</li>
 * <li>{@link #P2} call 2021, ambiente, RESPONDED (not feasible), area-ambiente: "Movilidad sustentable".</li>
 * <li>{@link #P3} call 2021, diversidad, IN_REVIEW, area-diversidad: "participación juvenil".</li>
 * <li>{@link #P4} call 2022, ambiente, RECEIVED, no area yet.</li>
 * <li>{@link #P5} call 2022, lenguaje-claro, REVIEWED, area-legal-tecnica (unsent response).</li>
 * <li>{@value #BULK} more in call 2022, lenguaje-claro, RECEIVED: "Propuesta de relleno NN", for paging.</li>
 * </ul>
 */
final class PublicProposalListTestData {

    static final String P1 = "CC-LSTP0001";
    static final String P2 = "CC-LSTP0002";
    static final String P3 = "CC-LSTP0003";
    static final String P4 = "CC-LSTP0004";
    static final String P5 = "CC-LSTP0005";
    static final int BULK = 20;
    static final String COMMITMENT = "PX0001";

    private final JdbcTemplate jdbc;
    long call2021;
    long call2022;
    long roundTable;

    PublicProposalListTestData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return the bulk proposals' tracking codes, in the list's order (newest first) */
    static List<String> bulkCodes() {
        List<String> out = new ArrayList<>();
        for (int i = BULK; i >= 1; i--) {
            out.add(String.format("CC-LSTB%04d", i));
        }
        return out;
    }

    PublicProposalListTestData write() {
        call2021 = call("Consulta pública 2021", 1, "datos-abiertos;ambiente;diversidad", "CLOSED", 2021);
        call2022 = call("Consulta pública 2022", 2, "ambiente;lenguaje-claro", "OPEN", 2022);
        proposal(P1, call2021, "Portal de dato abierto del presupuesto",
                "Publicar la ejecución del presupuesto en formato abierto, cada mes.", "datos-abiertos",
                "osc-tematica", at(2021, 3, 1), "RESPONDED", "area-gobierno-abierto", "feasible",
                "Es viable: la Subsecretaría publicará el presupuesto en formato abierto.", true);
        proposal(P2, call2021, "Movilidad sustentable en los barrios",
                "Más ciclovías y calles de convivencia en cada comuna.", "ambiente", "ciudadania", at(2021, 3, 2),
                "RESPONDED", "area-ambiente", "not-feasible", "No es viable este año por el presupuesto de obras.",
                false);
        proposal(P3, call2021, "Mesa de participación juvenil",
                "Espacios estables donde las y los jóvenes opinen sobre políticas de la Ciudad.", "diversidad",
                "academia", at(2021, 3, 3), "IN_REVIEW", "area-diversidad", null, null, false);
        proposal(P4, call2022, "Censo de árboles con vecinos",
                "Relevar el arbolado de cada cuadra con la ayuda de las escuelas.", "ambiente", "osc-territorial",
                at(2022, 3, 1), "RECEIVED", null, null, null, false);
        proposal(P5, call2022, "Formularios en lenguaje claro",
                "Reescribir los formularios de trámites más usados.", "lenguaje-claro", "sector-privado",
                at(2022, 3, 2), "REVIEWED", "area-legal-tecnica", "feasible", "SECRETO-RESPUESTA sin enviar", false);
        for (int i = 1; i <= BULK; i++) {
            proposal(String.format("CC-LSTB%04d", i), call2022, String.format("Propuesta de relleno %02d", i),
                    "Texto de relleno para probar las páginas.", "lenguaje-claro", "ciudadania",
                    at(2022, 3, 3).plusMinutes(i), "RECEIVED", null, null, null, false);
        }
        jdbc.update("""
                insert into round_table (call_id, axis, title, title_en, starts_at, duration_minutes, capacity, status,
                  ical_uid, ical_sequence, created_at)
                values (?, 'datos-abiertos', 'Mesa de datos abiertos', 'Open data round-table', ?, 120, 30, 'HELD',
                  'lista-propuestas@cocrea', 0, ?)
                """, call2021, at(2021, 8, 16), at(2021, 7, 1));
        roundTable = jdbc.queryForObject("select id from round_table where ical_uid = 'lista-propuestas@cocrea'",
                Long.class);
        jdbc.update("""
                insert into commitment (code, action_plan, co_creation_instance, title_es, title_en, start_date,
                  end_date, description, ogp_values, status, published_at, axis, call_id, round_table_id, topic)
                values (?, 'ARBA-2021-2023', 1, 'Presupuesto abierto mes a mes', 'Open budget month by month',
                  date '2021-10-01', date '2099-12-31', 'Descripción', 'Transparencia', 'PUBLISHED', ?,
                  'datos-abiertos', ?, ?, 'Presupuesto abierto')
                """, COMMITMENT, at(2021, 9, 30), call2021, roundTable);
        jdbc.update("""
                insert into commitment (action_plan, co_creation_instance, title_es, start_date, end_date,
                  ogp_values, status, axis, call_id, round_table_id, topic)
                values ('ARBA-2021-2023', 1, 'BORRADOR-OCULTO', date '2021-10-01', date '2099-12-31', 'Transparencia',
                  'DRAFT', 'datos-abiertos', ?, ?, 'Otro tema')
                """, call2021, roundTable);
        return this;
    }

    static final String ORIGINAL = "CC-LSTP0006";
    static final String COPY = "CC-LSTP0007";

    /**
     * A feasible proposal of the 2021 call not taken to a round-table ({@link #ORIGINAL}) and its copy in the 2022
     * call ({@link #COPY}, {@code carried_over_from}), as {@code ProposalPrioritisation.carryOverInto} makes it:
     * "Huertas comunitarias en las escuelas". Not part of {@link #write}.
     */
    void carryOver() {
        proposal(ORIGINAL, call2021, "Huertas comunitarias en las escuelas", "Una huerta por escuela.", "ambiente",
                "osc-territorial", at(2021, 3, 4), "RESPONDED", "area-ambiente", "feasible",
                "Es factible; se propone para la próxima instancia.", false);
        proposal(COPY, call2022, "Huertas comunitarias en las escuelas", "Una huerta por escuela.", "ambiente",
                "osc-territorial", at(2021, 3, 4), "RESPONDED", "area-ambiente", "feasible",
                "Es factible; se propone para la próxima instancia.", false);
        jdbc.update("update proposal set carried_over_from = (select id from proposal where tracking_code = ?)"
                + " where tracking_code = ?", ORIGINAL, COPY);
    }

    static final String AWAITING = "CC-LSTP0008";

    /**
     * A feasible proposal of the 2021 call, answered and prioritised, whose axis ({@code diversidad}) has no
     * round-table yet ({@link #AWAITING}): "Bibliotecas populares abiertas de noche". Not part of {@link #write}.
     */
    void prioritisedWithoutRoundTable() {
        proposal(AWAITING, call2021, "Bibliotecas populares abiertas de noche", "Horario nocturno en cada comuna.",
                "diversidad", "osc-territorial", at(2021, 3, 5), "RESPONDED", "area-diversidad", "feasible",
                "Es factible; irá a la mesa del eje.", true);
    }

    private long call(String title, int instance, String axes, String status, int year) {
        jdbc.update("""
                insert into call_for_proposals (action_plan, title, axes, opens_at, closes_at, status, created_at,
                  co_creation_instance) values ('ARBA-2021-2023', ?, ?, ?, ?, ?, ?, ?)
                """, title, axes, at(year, 2, 1), at(year + 5, 4, 1), status, at(year, 1, 15), instance);
        return jdbc.queryForObject("select id from call_for_proposals where title = ?", Long.class, title);
    }

    private void proposal(String code, long call, String title, String description, String axis, String type,
            OffsetDateTime submitted, String status, String area, String verdict, String response,
            boolean prioritised) {
        boolean responded = "RESPONDED".equals(status);
        jdbc.update("""
                insert into proposal (tracking_code, call_id, title, description, axis, submitter_type, organization,
                  contact_name, email, consent, language, channel, submitted_at, status, area_group, verdict,
                  reasoning, willing_to_co_create, contact_person, reviewed_by, reviewed_at, response_text,
                  response_sent_at, prioritised)
                values (?, ?, ?, ?, ?, ?, 'ORG-SECRETA', 'SECRETO-NOMBRE', ?, true, 'es', 'WEB', ?, ?, ?, ?,
                  'SECRETO-RAZONAMIENTO', true, 'SECRETO-CONTACTO', 'secreto-revisor', ?, ?, ?, ?)
                """, code, call, title, description, axis, type, "secreto-" + code.toLowerCase() + "@example.org",
                submitted, status, area, verdict, verdict == null ? null : submitted.plusDays(10), response,
                responded ? submitted.plusDays(20) : null, prioritised);
    }

    private static OffsetDateTime at(int year, int month, int day) {
        return OffsetDateTime.of(year, month, day, 10, 30, 0, 0, ZoneOffset.ofHours(-3));
    }
}
