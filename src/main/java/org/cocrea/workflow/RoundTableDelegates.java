package org.cocrea.workflow;

import static org.cocrea.workflow.RoundTableProcess.*;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.cocrea.CocreaApplication;
import org.cocrea.notification.TaskRecipient;
import org.cocrea.participant.Contacts;
import org.cocrea.proposal.Proposals;
import org.cocrea.roundtable.Invitee;
import org.cocrea.roundtable.Registration;
import org.cocrea.roundtable.RoundTable;
import org.cocrea.roundtable.RoundTables;
import org.cocrea.workflow.support.FormFields;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The delegates and listeners of {@code round-table.bpmn}, each a thin bean named as in the model. */
@Configuration(proxyBeanMethods = false)
class RoundTableDelegates {

    private static final ZoneId ZONE = ZoneId.of(CocreaApplication.ZONE);

    static long roundTableId(VariableScope scope) {
        return ROUND_TABLE_ID_VAR.get(scope);
    }

    /** {@code Task_ProposeDate}: the scheduling service creates the round-table with the first acceptable date. */
    @Bean
    JavaDelegate proposeRoundTableDate(RoundTables roundTables, @Value("${cocrea.public-base-url}") String baseUrl) {
        return (DelegateExecution execution) -> {
            RoundTable table = roundTables.create(CALL_ID_VAR.get(execution),
                    AXIS_VAR.get(execution), execution.getProcessInstanceId());
            execution.setVariable(ROUND_TABLE_ID, table.getId());
            execution.setVariable(TITLE, table.getTitle());
            execution.setVariable(PAGE, baseUrl + "/staff/round-tables/" + table.getId());
            execution.setVariable(STARTS_AT, LocalDateTime.ofInstant(table.getStartsAt(), ZONE).toString());
            execution.setVariable(DURATION_MINUTES, table.getDurationMinutes());
            execution.setVariable(CAPACITY, table.getCapacity());
        };
    }

    /** Create listener of the round-table's user tasks: the axis in the name, so Tasklist's list tells them apart. */
    @Bean
    TaskListener nameTaskAfterRoundTable(Proposals proposals) {
        return (DelegateTask task) -> task.setName(task.getName() + " · "
                + proposals.axisName(AXIS_VAR.get(task), Locale.forLanguageTag("es")));
    }

    /** Create listener of {@code Task_ChooseOrganizations}: the directory's suggestions for the axis as options. */
    @Bean
    TaskListener organizationOptionsOffered(Contacts contacts,
            MessageSource messages) {
        return (DelegateTask task) -> {
            List<Map<String, String>> options = new ArrayList<>();
            for (var s : contacts.suggestOrganizations(AXIS_VAR.get(task))) {
                Map<String, String> option = new LinkedHashMap<>();
                Locale es = Locale.forLanguageTag("es");
                option.put("label", s.name() + " (" + messages.getMessage("organizationType." + s.type(), null, s.type(), es)
                        + ") — " + messages.getMessage("roundTable.suggestion", new Object[] {s.interested()}, es)
                        + (s.proposed() ? " — " + messages.getMessage("roundTable.suggestionProposed", null, es) : ""));
                option.put("value", String.valueOf(s.organizationId()));
                options.add(option);
            }
            task.setVariableLocal(ORGANIZATION_OPTIONS, FormFields.jsonOptions(options));
        };
    }

    /** Complete listener of {@code Task_ChooseOrganizations}: records the personalised call. */
    @Bean
    TaskListener organizationsChosen(RoundTables roundTables) {
        return (DelegateTask task) -> {
            List<Long> ids = new ArrayList<>();
            for (String s : INVITED_ORGANIZATIONS_VAR.get(task)) {
                try {
                    ids.add(Long.valueOf(s));
                } catch (NumberFormatException e) {
                    throw RefusalTexts.refusal("refusal.unknownOrganisation", s);
                }
            }
            Refusals.refuseInvalid(() -> roundTables.invitePersonally(roundTableId(task), ids,
                    INFO_MEETING_AT_VAR.get(task),
                    INFO_MEETING_LINK_VAR.get(task)));
        };
    }

    /** {@code Task_SendPersonalInvitations}. */
    @Bean
    JavaDelegate sendPersonalInvitations(RoundTables roundTables) {
        return (DelegateExecution execution) -> roundTables.sendPersonalInvitations(roundTableId(execution));
    }

    /** Complete listener of {@code Task_ConfirmDate}: the date, link and capacity are validated and stored. */
    @Bean
    TaskListener roundTableDateConfirmed(RoundTables roundTables) {
        return (DelegateTask task) -> {
            long id = roundTableId(task);
            Refusals.refuseInvalid(() -> roundTables.confirm(id, STARTS_AT_VAR.get(task),
                    DURATION_MINUTES_VAR.get(task),
                    MEETING_LINK_VAR.get(task),
                    CAPACITY_VAR.get(task)));
            task.getExecution().setVariable(STARTS_AT_DATE, Date.from(roundTables.get(id).getStartsAt()));
        };
    }

    /**
     * {@code Task_SendInvitations}, {@code Task_SendUpdatedInvitations}, {@code Task_SendCancellation}: the
     * invitation (or its update, or cancellation) to the proposers, the invited organisations, the area
     * representatives and the registered.
     */
    @Bean
    JavaDelegate sendRoundTableInvitations(RoundTables roundTables, GroupMembers members) {
        return (DelegateExecution execution) -> {
            long id = roundTableId(execution);
            // The area representatives are engine users (identity service); the feature adds everyone else.
            List<Invitee> invitees = new ArrayList<>();
            for (TaskRecipient r : members.of(roundTables.coCreatingAreaGroups(id))) {
                if (r.email() != null) {
                    invitees.add(new Invitee(r.email(), r.firstName(), "es"));
                }
            }
            roundTables.sendInvitations(id, invitees);
        };
    }

    /**
     * {@code Task_RefreshStart}: the current start (for the timers) and status (a cancellation made while invitations
     * were being sent sends the process to the cancellation).
     */
    @Bean
    JavaDelegate refreshRoundTableStart(RoundTables roundTables) {
        return (DelegateExecution execution) -> {
            RoundTable table = roundTables.get(roundTableId(execution));
            execution.setVariable(STARTS_AT_DATE, Date.from(table.getStartsAt()));
            execution.setVariable(STATUS, table.getStatus().name());
        };
    }

    /** {@code Task_Remind48h}, {@code Task_Remind2h}: reminders to the registered people. */
    @Bean
    JavaDelegate remindRoundTable(RoundTables roundTables) {
        return (DelegateExecution execution) -> roundTables.remind(roundTableId(execution));
    }

    /** Complete listener of {@code Task_Phase1}: the areas' presentation. */
    @Bean
    TaskListener roundTablePhase1Recorded(RoundTables roundTables) {
        return (DelegateTask task) -> Refusals.refuseInvalid(() -> roundTables.recordPresentation(roundTableId(task),
                PRESENTATION_VAR.get(task)));
    }

    /** Complete listener of {@code Task_Phase2}: the chosen topics, one per line. */
    @Bean
    TaskListener roundTablePhase2Recorded(RoundTables roundTables) {
        return (DelegateTask task) -> {
            String text = CHOSEN_TOPICS_VAR.get(task);
            List<String> topics = text == null ? List.of() : Arrays.asList(text.split("\\R"));
            Refusals.refuseInvalid(() -> roundTables.recordTopics(roundTableId(task), topics));
        };
    }

    /** Create listener of {@code Task_RecordAttendance}: the registrations as options. */
    @Bean
    TaskListener attendanceOptionsOffered(RoundTables roundTables, MessageSource messages) {
        return (DelegateTask task) -> {
            List<Map<String, String>> options = new ArrayList<>();
            roundTables.registrations(roundTableId(task)).stream()
                    .filter(r -> r.getStatus() != Registration.Status.CANCELLED)
                    .forEach(r -> {
                        Map<String, String> option = new LinkedHashMap<>();
                        String type = r.getOrganizationType();
                        String typeName = messages.getMessage("organizationType." + type, null,
                                messages.getMessage("submitterType." + type, null, type, Locale.forLanguageTag("es")),
                                Locale.forLanguageTag("es"));
                        option.put("label", r.getName() + (r.getOrganization() == null ? "" : " — " + r.getOrganization())
                                + " (" + typeName + ")");
                        option.put("value", String.valueOf(r.getId()));
                        options.add(option);
                    });
            task.setVariableLocal(ATTENDANCE_OPTIONS, FormFields.jsonOptions(options));
        };
    }

    /** Complete listener of {@code Task_RecordAttendance}. */
    @Bean
    TaskListener roundTableAttendanceRecorded(RoundTables roundTables) {
        return (DelegateTask task) -> {
            List<Long> ids = new ArrayList<>();
            for (String s : ATTENDEES_VAR.get(task)) {
                try {
                    ids.add(Long.valueOf(s));
                } catch (NumberFormatException e) {
                    throw RefusalTexts.refusal("refusal.unknownRegistration", s);
                }
            }
            Refusals.refuseInvalid(() -> roundTables.recordAttendance(roundTableId(task), ids));
        };
    }

    /** {@code Task_CloseRoundTable}: the round-table was held. */
    @Bean
    JavaDelegate closeRoundTable(RoundTables roundTables) {
        return (DelegateExecution execution) -> roundTables.markHeld(roundTableId(execution));
    }
}
