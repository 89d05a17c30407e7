package org.cocrea.processes;

import java.util.List;

import org.cocrea.kernel.NotFoundException;
import org.cocrea.workflow.EngineUserAuthenticationProvider;
import org.cocrea.workflow.InstanceMigrations;
import org.cocrea.workflow.InstanceMigrations.MigrationBatch;
import org.cocrea.workflow.InstanceMigrations.MigrationRefusedException;
import org.cocrea.workflow.InstanceMigrations.ProcessVersions;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The migration pages ({@code /staff/migrations}, process owners and administrators): which processes have running
 * instances on older versions, the plan to move each older version to the latest one, starting it as a batch and the
 * batch's progress. Texts: {@code i18n/migrations*.properties}.
 */
@Controller
class MigrationPageController {

    private final InstanceMigrations migrations;

    MigrationPageController(InstanceMigrations migrations) {
        this.migrations = migrations;
    }

    @GetMapping("/staff/migrations")
    String list(Model model) {
        model.addAttribute("processes", migrations.processesWithOlderInstances());
        model.addAttribute("batches", migrations.recentBatches());
        return "staff/migrations";
    }

    /**
     * @param updateEventTriggers whether the previewed plan recreates timers and subscriptions (the page's checkbox;
     *                            on by default)
     */
    @GetMapping("/staff/migrations/{key}")
    String process(@PathVariable String key, @RequestParam(defaultValue = "true") boolean updateEventTriggers,
            Model model) {
        ProcessVersions process = migrations.process(key).orElseThrow(() -> new NotFoundException("process", key));
        model.addAttribute("process", process);
        model.addAttribute("updateEventTriggers", updateEventTriggers);
        model.addAttribute("previews", migrations.previews(key, updateEventTriggers));
        return "staff/migration";
    }

    @PostMapping("/staff/migrations/{key}/migrate")
    String migrate(@PathVariable String key, @RequestParam String source, @RequestParam String target,
            @RequestParam(defaultValue = "false") boolean updateEventTriggers, Authentication user,
            RedirectAttributes redirect) {
        try {
            String batch = migrations.migrate(key, source, target, updateEventTriggers, user.getName(),
                    EngineUserAuthenticationProvider.groupIds(user));
            redirect.addFlashAttribute("notice", "migrations.started");
            redirect.addAttribute("process", key);
            return "redirect:/staff/migrations/batches/" + batch;
        } catch (MigrationRefusedException e) {
            redirect.addFlashAttribute("refusal", e.getMessageKey());
            redirect.addFlashAttribute("refusalArguments", List.of(e.getArguments()));
            redirect.addAttribute("key", key);
            redirect.addAttribute("updateEventTriggers", updateEventTriggers);
            return "redirect:/staff/migrations/{key}";
        }
    }

    /**
     * @param process the key of the process the batch moves (the page the migration was started from), for the
     *                count of instances still on older versions; optional
     */
    @GetMapping("/staff/migrations/batches/{id}")
    String batch(@PathVariable String id, @RequestParam(required = false) String process, Model model) {
        MigrationBatch batch = migrations.batch(id).orElseThrow(() -> new NotFoundException("migration batch", id));
        model.addAttribute("batch", batch);
        model.addAttribute("process", process == null ? null : migrations.process(process).orElse(null));
        return "staff/migration-batch";
    }
}
