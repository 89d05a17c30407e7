package org.cocrea.notification;

import java.nio.charset.StandardCharsets;

import org.cocrea.kernel.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff outbox pages ({@code /staff/outbox}): every mail the system wrote, with its delivery state; without an SMTP
 * server this is where a first run shows what would have been sent. FAILED rows can be re-queued.
 */
@Controller
class OutboxPageController {

    private final MailOutbox outbox;
    private final OutboxSender sender;

    OutboxPageController(MailOutbox outbox, OutboxSender sender) {
        this.outbox = outbox;
        this.sender = sender;
    }

    @GetMapping("/staff/outbox")
    String list(Model model) {
        model.addAttribute("messages", outbox.latest());
        model.addAttribute("smtpConfigured", sender.smtpConfigured());
        model.addAttribute("pending", outbox.count(OutboxStatus.PENDING));
        model.addAttribute("sent", outbox.count(OutboxStatus.SENT));
        model.addAttribute("failed", outbox.count(OutboxStatus.FAILED));
        return "staff/outbox";
    }

    @GetMapping("/staff/outbox/{id}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("message", outbox.find(id).orElseThrow(() -> new NotFoundException("outbox message", id)));
        return "staff/outbox-message";
    }

    /** The mail's attachment (e.g. a round-table's .ics), so staff can open it in a calendar client without SMTP. */
    @GetMapping("/staff/outbox/{id}/attachment")
    ResponseEntity<byte[]> attachment(@PathVariable long id) {
        OutboxMessage m = outbox.find(id).filter(x -> x.getAttachmentName() != null)
                .orElseThrow(() -> new NotFoundException("outbox attachment", id));
        return ResponseEntity.ok()
                .header("Content-Type", m.getAttachmentType())
                .header("Content-Disposition", "attachment; filename=\"" + m.getAttachmentName().replaceAll("[^A-Za-z0-9._-]", "_")
                        + "\"")
                .body(m.getAttachmentContent().getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping("/staff/outbox/{id}/requeue")
    String requeue(@PathVariable long id, RedirectAttributes redirect) {
        try {
            outbox.requeue(id);
            redirect.addFlashAttribute("notice", "outbox.requeued");
        } catch (IllegalArgumentException | NotFoundException e) {
            redirect.addFlashAttribute("notice", "outbox.notRequeued");
        }
        return "redirect:/staff/outbox/" + id;
    }
}
