package org.cocrea.roundtable;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.cocrea.kernel.CsvFiles;
import org.cocrea.kernel.FieldProblem;
import org.cocrea.kernel.InputRefusedException;
import org.cocrea.kernel.Dates;
import org.cocrea.kernel.InputText;
import org.springframework.stereotype.Component;

/** What happens at a round-table: the two boards (and their CSV), the presentation, the chosen topics. */
@Component
class RoundTableBoards {

    private final RoundTableLifecycle lifecycle;
    private final BoardEntryRepository boards;
    private final Dates dates;
    private final Clock clock;

    RoundTableBoards(RoundTableLifecycle lifecycle, BoardEntryRepository boards, Dates dates, Clock clock) {
        this.lifecycle = lifecycle;
        this.boards = boards;
        this.dates = dates;
        this.clock = clock;
    }

    BoardEntry addEntry(long id, BoardEntry.Board board, String question, String text, String authorOrganization) {
        RoundTable table = lifecycle.get(id);
        List<FieldProblem> problems = new ArrayList<>();
        if (table.getStatus() == RoundTableStatus.PROPOSED || table.getStatus() == RoundTableStatus.CANCELLED) {
            problems.add(FieldProblem.of("status", "roundTable.refusal.notScheduled"));
        }
        if (InputText.hasForbiddenCharacters(text) || InputText.hasForbiddenCharacters(authorOrganization)) {
            problems.add(FieldProblem.of("text", "roundTable.refusal.characters"));
        }
        if (text == null || text.isBlank() || InputText.exceeds(text.strip(), RoundTables.TEXT_MAX)) {
            problems.add(FieldProblem.of("text", "roundTable.refusal.text", String.valueOf(RoundTables.TEXT_MAX)));
        }
        if (board == BoardEntry.Board.COMMITMENT
                && (question == null || !BoardEntry.COMMITMENT_QUESTIONS.contains(question))) {
            problems.add(FieldProblem.of("question", "roundTable.refusal.question"));
        }
        if (authorOrganization != null && InputText.exceeds(authorOrganization.strip(), 200)) {
            problems.add(FieldProblem.of("authorOrganization", "roundTable.refusal.authorOrganization"));
        }
        if (!problems.isEmpty()) {
            throw new InputRefusedException(problems);
        }
        return boards.save(new BoardEntry(id, board, board == BoardEntry.Board.COMMITMENT ? question : null,
                text.strip(), authorOrganization == null || authorOrganization.isBlank() ? null
                        : authorOrganization.strip(), clock.instant()));
    }

    List<BoardEntry> entries(long id, BoardEntry.Board board) {
        return boards.findByRoundTableIdAndBoardOrderByIdAsc(id, board);
    }

    String boardCsv(long id, BoardEntry.Board board) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader("time", "question", "author_organization", "text").get())) {
            for (BoardEntry e : entries(id, board)) {
                csv.printRecord(dates.format(e.getCreatedAt()), e.getQuestion() == null ? "" : e.getQuestion(),
                        e.getAuthorOrganization() == null ? "anonymous"
                                : CsvFiles.neutralise(e.getAuthorOrganization()),
                        e.getHiddenReason() == null ? CsvFiles.neutralise(e.getText())
                                : "[hidden by moderation: " + CsvFiles.neutralise(e.getHiddenReason()) + "]");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    void recordPresentation(long id, String presentation) {
        if (presentation == null || presentation.isBlank()
                || InputText.exceeds(presentation.strip(), RoundTables.TEXT_MAX)) {
            throw InputRefusedException.of("presentation", "roundTable.refusal.presentation");
        }
        lifecycle.get(id).recordPresentation(presentation.strip());
    }

    void recordTopics(long id, List<String> topics) {
        List<String> clean = topics == null ? List.of()
                : topics.stream().map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
        if (clean.isEmpty() || clean.size() > 10 || clean.stream().anyMatch(t -> InputText.exceeds(t, 300))) {
            throw InputRefusedException.of("topics", "roundTable.refusal.topics");
        }
        lifecycle.get(id).recordTopics(clean);
    }

    Map<String, List<String>> chosenTopics(long callId) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        lifecycle.ofCall(callId).stream().filter(t -> t.getStatus() == RoundTableStatus.HELD)
                .forEach(t -> out.put(t.getAxis(), List.copyOf(t.getTopics())));
        return out;
    }
}
