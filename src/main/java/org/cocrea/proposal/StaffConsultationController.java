package org.cocrea.proposal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.stream.Collectors;

import org.cocrea.area.Area;
import org.cocrea.area.Areas;
import org.cocrea.consultation.CallForProposals;
import org.cocrea.consultation.Consultations;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Staff pages of Stage 1 (open-government team): the calls, each call's proposals with status, review, meeting and
 * prioritisation (the list Stage 2 reads), and the CSV import of offline proposals.
 */
@Controller
class StaffConsultationController {

    private final Consultations consultations;
    private final Proposals proposals;
    private final FeasibilityMeetings meetings;
    private final ProposalCsvImport csvImport;
    private final Areas areas;

    StaffConsultationController(Consultations consultations, Proposals proposals, FeasibilityMeetings meetings,
            ProposalCsvImport csvImport, Areas areas) {
        this.areas = areas;
        this.consultations = consultations;
        this.proposals = proposals;
        this.meetings = meetings;
        this.csvImport = csvImport;
    }

    @GetMapping("/staff")
    String index(Model model) {
        model.addAttribute("calls", consultations.all());
        model.addAttribute("acceptingCall", consultations.acceptingCall().orElse(null));
        return "staff/index";
    }

    @GetMapping("/staff/calls/{id}")
    String call(@PathVariable long id, Model model, Locale locale) {
        CallForProposals call = consultations.get(id);
        model.addAttribute("call", call);
        model.addAttribute("proposals", proposals.ofCall(id));
        model.addAttribute("pending", proposals.pendingReviews(id));
        model.addAttribute("meetings", meetings.ofCall(id));
        model.addAttribute("prioritised", proposals.prioritisedByAxis(id));
        model.addAttribute("areaNames", areas.all().stream().collect(Collectors.toMap(
                Area::getCandidateGroup, a -> a.name(locale))));
        return "staff/call";
    }

    @GetMapping("/staff/proposals/import")
    String importForm(Model model) {
        model.addAttribute("call", consultations.acceptingCall().orElse(null));
        model.addAttribute("columns", ProposalCsvImport.COLUMNS);
        return "staff/import";
    }

    @PostMapping("/staff/proposals/import")
    String importCsv(@RequestParam(name = "file", required = false) MultipartFile file, Model model) throws IOException {
        model.addAttribute("columns", ProposalCsvImport.COLUMNS);
        model.addAttribute("call", consultations.acceptingCall().orElse(null));
        if (file == null || file.isEmpty()) {
            model.addAttribute("error", "import.noFile");
            return "staff/import";
        }
        try (InputStream in = file.getInputStream()) {
            model.addAttribute("report", csvImport.importCsv(in, file.getOriginalFilename()));
        } catch (NoOpenCallException e) {
            model.addAttribute("error", "proposal.noOpenCall");
        }
        return "staff/import";
    }
}
