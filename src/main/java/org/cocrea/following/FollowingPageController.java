package org.cocrea.following;

import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.cocrea.kernel.InputRefusedException;
import org.cocrea.kernel.InputText;
import org.cocrea.kernel.Languages;
import org.cocrea.kernel.NotFoundException;
import org.cocrea.limits.AbuseLimits;
import org.cocrea.limits.PublicAction;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public pages of following: the follow form's answer (or the form again with its errors, HTTP 400, a link back
 * to the followed page, and what was typed unless it was over its limit or held control characters), the
 * confirmation page (a GET shows a button, so that mail scanners that open links confirm nothing) and the one-click
 * unsubscribe (RFC 8058: mail clients POST to the header's address without login, token or confirmation; a GET
 * shows a page with a button). Following is subject to the subscription abuse limits; unsubscribing is not.
 */
@Controller
class FollowingPageController {

    /** A tracking code, draft id or commitment code, as the follow form's hidden field carries it. */
    private static final Pattern FOLLOWED_KEY = Pattern.compile("[A-Za-z0-9-]{1,40}");

    private final Followers followers;
    private final AbuseLimits limits;

    FollowingPageController(Followers followers, AbuseLimits limits) {
        this.followers = followers;
        this.limits = limits;
    }

    @PostMapping("/follow")
    String follow(@RequestParam(defaultValue = "") String target, @RequestParam(defaultValue = "") String key,
            @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "false") boolean consent,
            @RequestParam(defaultValue = "") String frequency, Model model, Locale locale,
            HttpServletRequest request, HttpServletResponse response) {
        limits.admit(PublicAction.SUBSCRIPTION, request, email);
        model.addAttribute("followTarget", echo(target, 20));
        model.addAttribute("followKey", echo(key, 40));
        model.addAttribute("followEmail", echo(email, Followers.MAX_EMAIL));
        model.addAttribute("followFrequency", echo(frequency, 10));
        try {
            followers.request(target, key, email, consent, frequency, Languages.supported(locale));
        } catch (InputRefusedException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("followProblems", e.problems());
            model.addAttribute("followBack", FollowTarget.fromCode(target)
                    .filter(t -> key != null && FOLLOWED_KEY.matcher(key).matches()).map(t -> t.page(key)).orElse(null));
            return "following/refused";
        }
        return "following/requested";
    }

    @GetMapping("/follow/confirm/{token}")
    String confirmPage(@PathVariable String token, @RequestParam(defaultValue = "") String frequency, Model model) {
        describe(token, model);
        model.addAttribute("token", token);
        model.addAttribute("frequency", Frequency.fromCode(frequency).map(f -> f.name().toLowerCase(Locale.ROOT))
                .orElse(""));
        return "following/confirm";
    }

    @PostMapping("/follow/confirm/{token}")
    String confirm(@PathVariable String token, @RequestParam(defaultValue = "") String frequency, Model model,
            HttpServletRequest request) {
        limits.admit(PublicAction.MY_DATA, request, null);
        describe(token, model);
        followers.confirm(token, frequency);
        model.addAttribute("confirmed", true);
        return "following/confirm";
    }

    @GetMapping("/follow/unsubscribe/{token}")
    String unsubscribePage(@PathVariable String token, @RequestParam(defaultValue = "false") boolean all,
            Model model) {
        describe(token, model);
        model.addAttribute("token", token);
        model.addAttribute("all", all);
        return "following/unsubscribe";
    }

    /** One-click unsubscribe (RFC 8058): the body {@code List-Unsubscribe=One-Click} is accepted and not needed. */
    @PostMapping("/follow/unsubscribe/{token}")
    String unsubscribe(@PathVariable String token, @RequestParam(defaultValue = "false") boolean all, Model model) {
        describe(token, model);
        followers.unsubscribe(token, all);
        model.addAttribute("token", token);
        model.addAttribute("done", true);
        model.addAttribute("all", all);
        return "following/unsubscribe";
    }

    /** Right of erasure (Ley 25.326 art. 16): every follow of the address and the mails written to it. */
    @PostMapping("/follow/forget/{token}")
    String forget(@PathVariable String token, Model model, HttpServletRequest request) {
        limits.admit(PublicAction.MY_DATA, request, null);
        describe(token, model);
        followers.forget(token);
        model.addAttribute("forgotten", true);
        model.addAttribute("done", true);
        return "following/unsubscribe";
    }

    /**
     * A refused form shows what was typed, but never what cannot be sent back as it is: a value over its limit or
     * with control characters (NUL, a bidirectional override) is left out, and its field's message says why.
     */
    private static String echo(String value, int max) {
        return value == null || InputText.exceeds(value, max) || InputText.hasForbiddenCharacters(value) ? "" : value;
    }

    private void describe(String token, Model model) {
        String[] described = followers.described(token).orElseThrow(() -> new NotFoundException("follow token", null));
        model.addAttribute("label", described[0]);
        model.addAttribute("page", described[1]);
    }
}
