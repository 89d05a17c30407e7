package org.cocrea.roundtable;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.cocrea.CocreaApplication;
import org.cocrea.consultation.Consultations;
import org.cocrea.kernel.FieldProblem;
import org.cocrea.kernel.InputRefusedException;
import org.cocrea.kernel.Languages;
import org.cocrea.kernel.NotFoundException;
import org.cocrea.limits.AbuseLimits;
import org.cocrea.limits.PublicAction;
import org.cocrea.participant.OrganizationType;
import org.cocrea.proposal.Proposals;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Round-table pages: the public list of upcoming round-tables and each one's page with registration (and, once
 * held, its boards); the staff page (registrations, boards with CSV export, rescheduling, cancellation); the call's
 * round-tables request and participation figures. Public registration is subject to the abuse limits
 * ({@code cocrea.limits}: 429 page).
 */
@Controller
class RoundTablePageController {

    private static final ZoneId ZONE = ZoneId.of(CocreaApplication.ZONE);

    private final RoundTables roundTables;
    private final ParticipationFigures figures;
    private final Consultations consultations;
    private final AbuseLimits limits;
    private final Proposals proposals;

    RoundTablePageController(RoundTables roundTables, ParticipationFigures figures, Consultations consultations,
            AbuseLimits limits, Proposals proposals) {
        this.limits = limits;
        this.proposals = proposals;
        this.roundTables = roundTables;
        this.figures = figures;
        this.consultations = consultations;
    }

    /** @throws NotFoundException when there is no such round-table (404) */
    private RoundTable table(long id) {
        return roundTables.get(id);
    }

    /** @throws NotFoundException when there is no such call (404) */
    private void call(long callId, Model model) {
        try {
            Object call = consultations.get(callId);
            if (model != null) {
                model.addAttribute("call", call);
            }
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("call", callId);
        }
    }

    @GetMapping("/round-tables")
    String upcoming(Model model) {
        model.addAttribute("tables", roundTables.upcoming());
        return "round-tables/list";
    }

    @GetMapping("/round-tables/{id}")
    String page(@PathVariable long id, Model model) {
        RoundTable table = table(id);
        if (table.getStatus() == RoundTableStatus.PROPOSED) {
            throw new NotFoundException("round-table", id);
        }
        return publicPage(table, model);
    }

    private String publicPage(RoundTable table, Model model) {
        model.addAttribute("table", table);
        model.addAttribute("types", OrganizationType.values());
        model.addAttribute("seatsTaken", roundTables.registrations(table.getId()).stream()
                .filter(r -> r.getStatus() == Registration.Status.REGISTERED).count());
        if (table.getStatus() == RoundTableStatus.HELD) {
            model.addAttribute("questions", roundTables.entries(table.getId(), BoardEntry.Board.QUESTIONS));
            model.addAttribute("commitment", roundTables.entries(table.getId(), BoardEntry.Board.COMMITMENT));
        }
        return "round-tables/page";
    }

    @PostMapping("/round-tables/{id}/register")
    String register(@PathVariable long id, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String organization,
            @RequestParam(defaultValue = "") String organizationType,
            @RequestParam(name = "consent", defaultValue = "false") boolean consent, Model model,
            Locale locale, HttpServletRequest request) {
        limits.admit(PublicAction.REGISTRATION, request, email);
        if (table(id).getStatus() == RoundTableStatus.PROPOSED) {
            throw new NotFoundException("round-table", id);
        }
        try {
            Registration r = roundTables.register(id, name, email, organization, organizationType, consent,
                    Languages.supported(locale).getLanguage());
            model.addAttribute("registration", r);
        } catch (DataIntegrityViolationException e) {
            model.addAttribute("errors", List.of("email: duplicate"));
            keepTyped(model, name, email, organization, organizationType);
        } catch (InputRefusedException e) {
            model.addAttribute("errors", RoundTableRefusals.shown(e));
            keepTyped(model, name, email, organization, organizationType);
        }
        return publicPage(table(id), model);
    }

    /** A refused registration form shows again what the person typed and chose. */
    private static void keepTyped(Model model, String name, String email, String organization,
            String organizationType) {
        model.addAttribute("name", name);
        model.addAttribute("email", email);
        model.addAttribute("organization", organization);
        model.addAttribute("organizationType", organizationType);
    }

    @GetMapping("/staff/round-tables/{id}")
    String staffPage(@PathVariable long id, Model model) {
        RoundTable table = table(id);
        model.addAttribute("table", table);
        model.addAttribute("registrations", roundTables.registrations(id));
        model.addAttribute("questions", roundTables.entries(id, BoardEntry.Board.QUESTIONS));
        model.addAttribute("commitment", roundTables.entries(id, BoardEntry.Board.COMMITMENT));
        model.addAttribute("commitmentQuestions", BoardEntry.COMMITMENT_QUESTIONS);
        return "staff/round-table";
    }

    @PostMapping("/staff/round-tables/{id}/boards/{board}")
    String addEntry(@PathVariable long id, @PathVariable String board,
            @RequestParam(defaultValue = "") String text, @RequestParam(required = false) String question,
            @RequestParam(defaultValue = "") String authorOrganization, RedirectAttributes redirect) {
        table(id);
        BoardEntry.Board which = board(board);
        try {
            roundTables.addEntry(id, which, question, text, authorOrganization);
        } catch (InputRefusedException e) {
            redirect.addFlashAttribute("errors", RoundTableRefusals.shown(e));
        }
        return "redirect:/staff/round-tables/" + id;
    }

    @GetMapping(path = "/staff/round-tables/{id}/boards/{board}.csv", produces = "text/csv")
    ResponseEntity<byte[]> boardCsv(@PathVariable long id, @PathVariable String board) {
        table(id);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"mesa-" + id + "-" + board + ".csv\"")
                .body(roundTables.boardCsv(id, board(board)).getBytes(StandardCharsets.UTF_8));
    }

    private static BoardEntry.Board board(String name) {
        return switch (name) {
            case "questions" -> BoardEntry.Board.QUESTIONS;
            case "commitment" -> BoardEntry.Board.COMMITMENT;
            default -> throw new NotFoundException("board", name);
        };
    }

    @PostMapping("/staff/round-tables/{id}/reschedule")
    String reschedule(@PathVariable long id, @RequestParam(defaultValue = "") String startsAt,
            RedirectAttributes redirect) {
        table(id);
        try {
            Instant start = LocalDateTime.parse(startsAt).atZone(ZONE).toInstant();
            roundTables.reschedule(id, start);
            redirect.addFlashAttribute("notice", "roundTable.rescheduled");
        } catch (DateTimeException e) {
            redirect.addFlashAttribute("errors",
                    List.of(RoundTableRefusals.bilingual(FieldProblem.of("startsAt", "roundTable.refusal.dateTime"))));
        } catch (InputRefusedException e) {
            redirect.addFlashAttribute("errors", RoundTableRefusals.shown(e));
        }
        return "redirect:/staff/round-tables/" + id;
    }

    @PostMapping("/staff/round-tables/{id}/cancel")
    String cancel(@PathVariable long id, RedirectAttributes redirect) {
        table(id);
        try {
            roundTables.cancel(id);
            redirect.addFlashAttribute("notice", "roundTable.cancelled");
        } catch (InputRefusedException e) {
            redirect.addFlashAttribute("errors", RoundTableRefusals.shown(e));
        }
        return "redirect:/staff/round-tables/" + id;
    }

    @PostMapping("/staff/round-tables/{id}/registrations/{registrationId}/withdraw")
    String withdraw(@PathVariable long id, @PathVariable long registrationId, RedirectAttributes redirect) {
        table(id);
        boolean belongs = roundTables.registrations(id).stream().anyMatch(r -> r.getId() == registrationId);
        if (!belongs) {
            throw new NotFoundException("registration", registrationId);
        }
        try {
            roundTables.withdraw(registrationId);
        } catch (InputRefusedException e) {
            redirect.addFlashAttribute("errors", RoundTableRefusals.shown(e));
        }
        return "redirect:/staff/round-tables/" + id;
    }

    @GetMapping("/staff/calls/{callId}/round-tables")
    String ofCall(@PathVariable long callId, Model model, Locale locale) {
        call(callId, model);
        model.addAttribute("roundTables", roundTables.ofCall(callId));
        model.addAttribute("axesToSchedule", roundTables.axesToSchedule(callId).stream()
                .map(axis -> proposals.axisName(axis, locale)).toList());
        return "staff/round-tables";
    }

    @PostMapping("/staff/calls/{callId}/round-tables")
    String request(@PathVariable long callId, RedirectAttributes redirect) {
        call(callId, null);
        List<String> axes = roundTables.requestForCall(callId);
        redirect.addFlashAttribute("notice", axes.isEmpty() ? "roundTable.noneRequested" : "roundTable.requested");
        return "redirect:/staff/calls/" + callId + "/round-tables";
    }

    @GetMapping("/staff/calls/{callId}/participation")
    String participation(@PathVariable long callId, Model model) {
        call(callId, model);
        model.addAttribute("figures", figures.forCall(callId));
        return "staff/participation";
    }

    @GetMapping(path = "/staff/calls/{callId}/participation.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ParticipationFigures.Figures participationJson(@PathVariable long callId) {
        call(callId, null);
        return figures.forCall(callId);
    }

    @GetMapping(path = "/staff/calls/{callId}/participation.csv", produces = "text/csv")
    ResponseEntity<byte[]> participationCsv(@PathVariable long callId) throws IOException {
        call(callId, null);
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("metric", "key", "value").get())) {
            for (List<String> row : ParticipationFigures.rows(figures.forCall(callId))) {
                csv.printRecord(row);
            }
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"participacion-" + callId + ".csv\"")
                .body(out.toString().getBytes(StandardCharsets.UTF_8));
    }
}
