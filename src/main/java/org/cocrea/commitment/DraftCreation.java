package org.cocrea.commitment;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.cocrea.CocreaApplication;
import org.cocrea.area.Area;
import org.cocrea.area.Areas;
import org.cocrea.commitment.CommitmentSheets.ChosenTopic;
import org.cocrea.consultation.CallForProposals;
import org.cocrea.consultation.Consultations;
import org.cocrea.roundtable.BoardEntry;
import org.cocrea.roundtable.RoundTable;
import org.cocrea.roundtable.RoundTableStatus;
import org.cocrea.roundtable.RoundTables;
import org.cocrea.kernel.InputText;
import org.springframework.stereotype.Component;

/** Turns the topics chosen at held round-tables into draft sheets, for {@link CommitmentSheets}. */
@Component
class DraftCreation {

    private static final ZoneId ZONE = ZoneId.of(CocreaApplication.ZONE);

    private final CommitmentRepository commitments;
    private final SheetVersions sheets;
    private final RoundTables roundTables;
    private final Consultations consultations;
    private final Areas areas;
    private final Clock clock;

    DraftCreation(CommitmentRepository commitments, SheetVersions sheets, RoundTables roundTables,
            Consultations consultations, Areas areas, Clock clock) {
        this.commitments = commitments;
        this.sheets = sheets;
        this.roundTables = roundTables;
        this.consultations = consultations;
        this.areas = areas;
        this.clock = clock;
    }

    /** See {@link CommitmentSheets#chosenTopics}. */
    List<ChosenTopic> chosenTopics(long callId) {
        List<ChosenTopic> out = new ArrayList<>();
        for (RoundTable table : roundTables.ofCall(callId)) {
            if (table.getStatus() == RoundTableStatus.HELD) {
                table.getTopics().forEach(t -> out.add(new ChosenTopic(callId, table.getId(), table.getAxis(), t)));
            }
        }
        return out;
    }

    /** See {@link CommitmentSheets#createDraft}. */
    long createDraft(ChosenTopic topic, String actionPlan, int coCreationInstance) {
        Optional<Commitment> existing = commitments.findByRoundTableIdAndTopic(topic.roundTableId(), topic.topic());
        if (existing.isPresent()) {
            return existing.get().getId();
        }
        LocalDate start = LocalDate.now(clock.withZone(ZONE)).withDayOfMonth(1).plusMonths(1);
        LocalDate end = start.plusYears(1).minusDays(1);
        String leadGroup = leadAreaGroup(topic);
        String title = cut(topic.topic(), CommitmentSheets.MAX_TITLE);
        Commitment c = Commitment.draft(actionPlan, coCreationInstance, topic.callId(), topic.roundTableId(),
                topic.axis(), title, leadGroup, start, end);
        Map<String, List<String>> board = new LinkedHashMap<>();
        for (BoardEntry e : roundTables.entries(topic.roundTableId(), BoardEntry.Board.COMMITMENT)) {
            if (e.getPublicText() == null) {
                continue; // hidden by moderation: its text does not reach the draft
            }
            String line = e.getText() + (e.getAuthorOrganization() == null || e.getAuthorOrganization().isBlank() ? ""
                    : " (" + e.getAuthorOrganization() + ")");
            board.computeIfAbsent(e.getQuestion(), k -> new ArrayList<>()).add(line);
        }
        List<CommitmentSheet.MilestoneInput> milestones = board.getOrDefault("milestones", List.of()).stream()
                .limit(CommitmentSheets.MAX_MILESTONES)
                .map(t -> new CommitmentSheet.MilestoneInput(cut(t, CommitmentSheets.MAX_TITLE), start, end, null))
                .toList();
        int text = CommitmentSheets.MAX_TEXT;
        CommitmentSheet sheet = new CommitmentSheet(title, "", leadGroup, sheets.areaName(leadGroup),
                bullets(board.get("stakeholders"), text), start, end, bullets(board.get("public-problem"), text),
                bullets(board.get("status-quo"), text),
                bullets(board.get("solution-ideas"), CommitmentSheets.MAX_DESCRIPTION), "",
                "", List.of(), "", "", milestones);
        c.apply(sheet, false);
        sheets.nameLeadAreaInEnglish(c);
        commitments.save(c);
        sheets.saveFirst(c, sheet, "round-table " + topic.roundTableId());
        return c.getId();
    }

    /** See {@link CommitmentSheets#createDrafts}. */
    List<Long> createDrafts(long callId, String axis) {
        CallForProposals call = consultations.get(callId);
        List<Long> ids = new ArrayList<>();
        for (ChosenTopic topic : chosenTopics(callId)) {
            if (topic.axis().equals(axis)) {
                ids.add(createDraft(topic, call.getActionPlan(), call.getCoCreationInstance()));
            }
        }
        return ids;
    }

    private String leadAreaGroup(ChosenTopic topic) {
        List<String> coCreating = roundTables.coCreatingAreaGroups(topic.roundTableId());
        if (!coCreating.isEmpty()) {
            return coCreating.get(0);
        }
        return areas.all().stream().filter(a -> a.getAxes().contains(topic.axis())).map(Area::getCandidateGroup)
                .findFirst().orElse(null);
    }

    private static String bullets(List<String> lines, int max) {
        return lines == null ? "" : cut(lines.stream().map(l -> "- " + l).collect(Collectors.joining("\n")), max);
    }

    private static String cut(String s, int max) {
        return s == null ? "" : InputText.cut(s, max);
    }
}
