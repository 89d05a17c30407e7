package org.cocrea.dashboard;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes published commitments, milestones, follow-up reports in every status, evidence and evaluations straight into
 * the tables (as the follow-up feature and the monitoring body would), for the dashboard's tests and its benchmark
 * ({@code bench/}). Plain SQL that runs on PostgreSQL and H2.
 */
public final class DashboardTestData {

    /** The axes and lead areas the bulk data cycles through (as in {@code areas.csv}). */
    static final List<String> AXES = List.of("acceso-informacion", "datos-abiertos", "gasto-publico", "diversidad",
            "lenguaje-claro", "ambiente", "ninez");
    static final List<String> GROUPS = List.of("area-acceso-informacion", "area-gobierno-abierto", "area-evidencia",
            "area-diversidad", "area-legal-tecnica", "area-ambiente", "area-ciudad-amigable");

    private static final ZoneId BA = ZoneId.of("America/Argentina/Buenos_Aires");
    /** End date of the test commitments: still running (an ended one shows as ENDED, whatever its milestones). */
    static final LocalDate RUNNING_UNTIL = LocalDate.of(2099, 12, 31);

    private final JdbcTemplate jdbc;

    /** @param jdbc the database to write to (migrated by Flyway) */
    public DashboardTestData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The small scenario the tests read:
     * <ul>
     * <li>T0001 (datos-abiertos, area-gobierno-abierto): 2 milestones; reports 2023-01 and 2023-02 ACCEPTED (milestone 1
     * completed, milestone 2 at 20 %), 2023-03 SUBMITTED with {@code SECRETO-SUBMITTED} texts and evidence; link
     * evidence on 2023-02; IN_PROGRESS, 60 %.</li>
     * <li>T0002 (ambiente, area-ambiente): 1 milestone completed in 2023-01 ACCEPTED; evaluation COMPLETE / MAJOR;
     * COMPLETED, 100 %.</li>
     * <li>T0003 (ambiente, area-ambiente, lead area written on the sheet): 2 milestones; 2023-01 ACCEPTED (delayed 10 %,
     * in progress 30 %, evidence with a {@code javascript:} address and a file); 2023-02 CHANGES_REQUESTED with
     * {@code SECRETO-CAMBIOS}; DELAYED, 20 %.</li>
     * <li>T0004 (datos-abiertos, area-gobierno-abierto): 1 milestone; only a SUBMITTED report
     * ({@code SECRETO-SOLO-ENVIADO}), to which the milestone's {@code last_report_id} wrongly points; NOT_STARTED.</li>
     * <li>a DRAFT commitment {@code BORRADOR-OCULTO} with no code.</li>
     * </ul>
     */
    public void smallScenario() {
        long t1 = commitment("T0001", "Datos abiertos de obras públicas", "Open data on public works", "datos-abiertos",
                "area-gobierno-abierto", null, "PUBLISHED");
        long t1m1 = milestone(t1, 1, "Publicar el portal de obras");
        long t1m2 = milestone(t1, 2, "Sumar datos de contratos");
        long t1r1 = report(t1, LocalDate.of(2023, 1, 1), "ACCEPTED");
        progress(t1r1, t1m1, "IN_PROGRESS", 50, "Se diseñó el portal", "Publicarlo");
        progress(t1r1, t1m2, "NOT_STARTED", 0, null, null);
        long t1r2 = report(t1, LocalDate.of(2023, 2, 1), "ACCEPTED");
        progress(t1r2, t1m1, "COMPLETED", 100, "Se publicó el portal de obras", null);
        progress(t1r2, t1m2, "IN_PROGRESS", 20, "Se relevaron los contratos", "Cargar los contratos");
        evidence(t1r2, t1m1, "LINK", "https://datos.example.org/obras", null, "Portal de obras");
        long t1r3 = report(t1, LocalDate.of(2023, 3, 1), "SUBMITTED");
        progress(t1r3, t1m1, "COMPLETED", 100, "SECRETO-SUBMITTED", "SECRETO-SUBMITTED");
        progress(t1r3, t1m2, "COMPLETED", 90, "SECRETO-SUBMITTED", null);
        evidence(t1r3, null, "LINK", "https://leak.example.org/secreto", null, "SECRETO-EVIDENCIA");
        lastAccepted(t1m1, t1r2, "COMPLETED", 100);
        lastAccepted(t1m2, t1r2, "IN_PROGRESS", 20);

        long t2 = commitment("T0002", "Arbolado urbano participativo", "Participatory urban trees", "ambiente",
                "area-ambiente", null, "PUBLISHED");
        long t2m1 = milestone(t2, 1, "Censo de arbolado");
        long t2r1 = report(t2, LocalDate.of(2023, 1, 1), "ACCEPTED");
        progress(t2r1, t2m1, "COMPLETED", 100, "Censo terminado", null);
        lastAccepted(t2m1, t2r1, "COMPLETED", 100);
        jdbc.update("""
                insert into monitoring_evaluation (commitment_id, completion_level, opened_government, verifiable,
                  relevant, notes, evaluated_by, evaluated_at) values (?, 'COMPLETE', 'MAJOR', true, true, ?, 'monitoreo', ?)
                """, t2, "Cumplido con participación vecinal", at(LocalDate.of(2023, 6, 30)));

        long t3 = commitment("T0003", "Calidad del aire abierta", null, "ambiente", "area-ambiente",
                "Agencia de Protección Ambiental", "PUBLISHED");
        long t3m1 = milestone(t3, 1, "Instalar sensores");
        long t3m2 = milestone(t3, 2, "Publicar mediciones");
        long t3r1 = report(t3, LocalDate.of(2023, 1, 1), "ACCEPTED");
        progress(t3r1, t3m1, "DELAYED", 10, "Demora en la compra", "Nueva licitación");
        progress(t3r1, t3m2, "IN_PROGRESS", 30, null, null);
        evidence(t3r1, t3m1, "LINK", "javascript:alert(1)", null, "Enlace peligroso");
        evidence(t3r1, null, "FILE", null, "acta-enero.pdf", null);
        long t3r2 = report(t3, LocalDate.of(2023, 2, 1), "CHANGES_REQUESTED");
        progress(t3r2, t3m1, "IN_PROGRESS", 80, "SECRETO-CAMBIOS", null);
        lastAccepted(t3m1, t3r1, "DELAYED", 10);
        lastAccepted(t3m2, t3r1, "IN_PROGRESS", 30);

        long t4 = commitment("T0004", "Presupuesto participativo joven", "Youth participatory budget",
                "datos-abiertos", "area-gobierno-abierto", null, "PUBLISHED");
        long t4m1 = milestone(t4, 1, "Convocar a jóvenes");
        long t4r1 = report(t4, LocalDate.of(2023, 1, 1), "SUBMITTED");
        progress(t4r1, t4m1, "IN_PROGRESS", 70, "SECRETO-SOLO-ENVIADO", null);
        lastAccepted(t4m1, t4r1, "IN_PROGRESS", 70);

        commitment(null, "BORRADOR-OCULTO", null, "ambiente", "area-ambiente", null, "DRAFT");
    }

    /**
     * Bulk data: {@code count} published commitments coded {@code prefix} + 5 digits, 4 milestones each, {@code months}
     * monthly reports each (from January 2021), all ACCEPTED but the last month of every fifth commitment by number
     * (SUBMITTED; by the code's number, not the database id, which depends on what ran before),
     * one progress row per milestone and report and one link per report. A fixed number of statements (set-based
     * inserts), so it is quick on both databases.
     *
     * @param prefix one or more capital letters, distinct from other data
     * @param count  commitments
     * @param months reports per commitment
     */
    public void bulk(String prefix, int count, int months) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            rows.add(new Object[] {prefix + String.format("%05d", i), "Compromiso " + prefix + i, "Commitment " + i,
                    AXES.get(i % AXES.size()), GROUPS.get(i % GROUPS.size())});
        }
        jdbc.batchUpdate("""
                insert into commitment (code, action_plan, co_creation_instance, title_es, title_en, start_date,
                  end_date, description, ogp_values, status, published_at, axis, lead_area_group)
                values (?, 'ARBA-2021-2023', 1, ?, ?, date '2021-01-01', date '2099-12-31', 'Descripción',
                  'Transparencia', 'PUBLISHED', timestamp '2021-01-01 00:00:00', ?, ?)
                """, rows);
        String like = prefix + "%";
        for (int k = 1; k <= 4; k++) {
            jdbc.update("""
                    insert into milestone (commitment_id, position, title, start_date, end_date, responsible_area, derived)
                    select c.id, ?, ?, date '2021-01-01', date '2099-12-31', 'Área', false
                    from commitment c where c.code like ?
                    """, k, "Hito " + k, like);
        }
        LocalDate first = LocalDate.of(2021, 1, 1);
        for (int m = 0; m < months; m++) {
            LocalDate period = first.plusMonths(m);
            jdbc.update("""
                    insert into follow_up_report (commitment_id, period, status, due_date, submitted_by, submitted_at,
                      reviewed_by, reviewed_at, accepted_at)
                    select c.id, ?, 'ACCEPTED', ?, 'area', ?, 'equipo', ?, ?
                    from commitment c where c.code like ?
                    """, period, period.plusMonths(1).plusDays(9), at(period.plusMonths(1)),
                    at(period.plusMonths(1).plusDays(2)), at(period.plusMonths(1).plusDays(2)), like);
        }
        LocalDate last = first.plusMonths(months - 1L);
        jdbc.update("""
                update follow_up_report set status = 'SUBMITTED', reviewed_by = null, reviewed_at = null,
                  accepted_at = null
                where period = ? and commitment_id in (select c.id from commitment c where c.code like ?
                  and mod(cast(substr(c.code, ?) as integer), 5) = 0)
                """, last, like, prefix.length() + 1);
        jdbc.update("""
                insert into milestone_progress (report_id, milestone_id, status, percent_complete, work_done, next_steps)
                select r.id, m.id, case when m.position = 1 then 'COMPLETED' else 'IN_PROGRESS' end,
                  case when m.position = 1 then 100 else 25 * (m.position - 1) end, 'Avance del mes', 'Seguir'
                from follow_up_report r join milestone m on m.commitment_id = r.commitment_id
                join commitment c on c.id = r.commitment_id
                where c.code like ?
                """, like);
        jdbc.update("""
                insert into evidence (report_id, milestone_id, kind, url, description, added_by, added_at)
                select r.id, null, 'LINK', 'https://example.org/evidencia/' || cast(r.id as varchar(20)), 'Acta',
                  'area', r.submitted_at
                from follow_up_report r join commitment c on c.id = r.commitment_id
                where c.code like ?
                """, like);
        jdbc.update("""
                update milestone set last_report_id = (select r.id from follow_up_report r
                    where r.commitment_id = milestone.commitment_id and r.status = 'ACCEPTED'
                      and r.period = (select max(r2.period) from follow_up_report r2
                        where r2.commitment_id = milestone.commitment_id and r2.status = 'ACCEPTED')),
                  status = case when position = 1 then 'COMPLETED' else 'IN_PROGRESS' end,
                  percent_complete = case when position = 1 then 100 else 25 * (position - 1) end
                where commitment_id in (select c.id from commitment c where c.code like ?)
                """, like);
    }

    private long commitment(String code, String titleEs, String titleEn, String axis, String group, String leadArea,
            String status) {
        jdbc.update("""
                insert into commitment (code, action_plan, co_creation_instance, title_es, title_en, start_date,
                  end_date, description, ogp_values, status, published_at, axis, lead_area_group, lead_area)
                values (?, 'ARBA-2021-2023', 1, ?, ?, ?, ?, 'Descripción', 'Transparencia;Participación', ?, ?, ?, ?, ?)
                """, code, titleEs, titleEn, LocalDate.of(2022, 10, 1), RUNNING_UNTIL, status,
                "PUBLISHED".equals(status) ? at(LocalDate.of(2022, 9, 1)) : null, axis, group, leadArea);
        return jdbc.queryForObject("select max(id) from commitment where title_es = ?", Long.class, titleEs);
    }

    private long milestone(long commitment, int position, String title) {
        jdbc.update("""
                insert into milestone (commitment_id, position, title, start_date, end_date, responsible_area, derived)
                values (?, ?, ?, ?, ?, null, false)
                """, commitment, position, title, LocalDate.of(2022, 10, 1), RUNNING_UNTIL);
        return jdbc.queryForObject("select id from milestone where commitment_id = ? and position = ?", Long.class,
                commitment, position);
    }

    private long report(long commitment, LocalDate period, String status) {
        OffsetDateTime submitted = at(period.plusMonths(1).plusDays(3));
        OffsetDateTime reviewed = "SUBMITTED".equals(status) ? null : at(period.plusMonths(1).plusDays(5));
        jdbc.update("""
                insert into follow_up_report (commitment_id, period, status, due_date, submitted_by, submitted_at,
                  reviewed_by, reviewed_at, review_reason, accepted_at)
                values (?, ?, ?, ?, 'area', ?, ?, ?, ?, ?)
                """, commitment, period, status, period.plusMonths(1).plusDays(9), submitted,
                reviewed == null ? null : "equipo", reviewed,
                "CHANGES_REQUESTED".equals(status) ? "SECRETO-MOTIVO" : null,
                "ACCEPTED".equals(status) ? reviewed : null);
        return jdbc.queryForObject("select id from follow_up_report where commitment_id = ? and period = ?",
                Long.class, commitment, period);
    }

    private void progress(long report, long milestone, String status, int percent, String workDone, String next) {
        jdbc.update("""
                insert into milestone_progress (report_id, milestone_id, status, percent_complete, work_done, next_steps)
                values (?, ?, ?, ?, ?, ?)
                """, report, milestone, status, percent, workDone, next);
    }

    private void evidence(long report, Long milestone, String kind, String url, String fileName, String description) {
        jdbc.update("""
                insert into evidence (report_id, milestone_id, kind, url, file_name, content_type, size_bytes,
                  description, added_by, added_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'area', ?)
                """, report, milestone, kind, url, fileName, fileName == null ? null : "application/pdf",
                fileName == null ? null : 1234L, description, at(LocalDate.of(2023, 3, 1)));
    }

    private void lastAccepted(long milestone, long report, String status, int percent) {
        jdbc.update("update milestone set last_report_id = ?, status = ?, percent_complete = ? where id = ?", report,
                status, percent, milestone);
    }

    private static OffsetDateTime at(LocalDate day) {
        return day.atTime(10, 30).atZone(BA).toOffsetDateTime();
    }
}
