package org.cocrea.notification;

import java.security.Principal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /me/notifications}: a logged-in user chooses one mail per task or a daily digest. */
@Controller
class NotificationPreferenceController {

    private final TaskNotifications notifications;

    NotificationPreferenceController(TaskNotifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/me/notifications")
    String show(Principal principal, Model model) {
        model.addAttribute("digest", notifications.wantsDigest(principal.getName()));
        return "me/notifications";
    }

    @PostMapping("/me/notifications")
    String save(Principal principal, @RequestParam(name = "mode", defaultValue = "each") String mode, Model model) {
        notifications.setDigest(principal.getName(), "digest".equals(mode));
        model.addAttribute("digest", notifications.wantsDigest(principal.getName()));
        model.addAttribute("saved", true);
        return "me/notifications";
    }
}
