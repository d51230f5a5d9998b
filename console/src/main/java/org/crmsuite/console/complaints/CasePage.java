package org.crmsuite.console.complaints;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.crmsuite.console.api.ApiFailure;
import org.crmsuite.console.api.GatewayApi;
import org.crmsuite.console.security.ConsoleUser;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * One case: its record, deadlines with live countdowns, the handling timeline, and the handler's moves — acknowledge
 * and the other workflow steps (CO-8), take the case, record a customer contact (CO-6), escalate with a reason (CO-4),
 * close with the customer's rating (CO-7). What is offered follows the service's {@code allowedTransitions}; whether
 * the person may is the service's decision, shown in its words at the form that asked. Every change carries the
 * case's version ({@code If-Match}), so a case changed meanwhile is shown afresh instead of overwritten.
 */
@Controller
class CasePage {

    /**
     * Workflow steps offered in the general "move" form, when the service allows them next; acknowledging, escalation
     * and closure have forms of their own.
     */
    static final List<String> STEPS = List.of("ACCEPTED", "INVESTIGATING", "SOLUTION_PROPOSED", "REPLIED", "REVISIT",
            "REOPENED");
    /** CO-6 contact channels (the service takes any complaint channel). */
    static final List<String> CONTACT_CHANNELS = List.of("PHONE", "EMAIL", "SMS", "IN_PERSON", "LETTER", "SOCIAL_MEDIA");

    private final GatewayApi api;
    private final FormProblems formProblems;

    CasePage(GatewayApi api, FormProblems formProblems) {
        this.api = api;
        this.formProblems = formProblems;
    }

    @GetMapping("/console/complaints/{id}")
    String show(@PathVariable String id, Model model) {
        model.addAttribute("caseId", id);
        try {
            return render(id, model);
        } catch (ApiFailure failure) {
            // just changed by this person and now out of their sight (an agent escalated it to the manager tier, a
            // dispatcher filed it): say where it went instead of "not found"
            if (model.getAttribute("outcome") != null && (failure.status() == 403 || failure.status() == 404)) {
                return "complaints/moved";
            }
            throw failure;
        }
    }

    @PostMapping("/console/complaints/{id}/transition")
    String transition(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        String to = form.getOrDefault("to", "");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("to", to);
        putText(body, "note", form.get("note"));
        putText(body, "cause", form.get("cause"));
        putText(body, "solution", form.get("solution"));
        String action = "ACKNOWLEDGED".equals(to) ? "acknowledge" : "transition";
        return change(id, action, form, model, redirect, response,
                () -> Outcomes.of(action, post(id, "/transitions", body, form)));
    }

    @PostMapping("/console/complaints/{id}/escalate")
    String escalate(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("to", "ESCALATED");
        putText(body, "note", form.get("note"));
        return change(id, "escalate", form, model, redirect, response,
                () -> Outcomes.of("escalated", post(id, "/transitions", body, form)));
    }

    /** CO-7: a rating 1–5 or "customer unreachable"; the service closes (1–3) or escalates (4–5). */
    @PostMapping("/console/complaints/{id}/close")
    String close(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        FormProblems.Collector problems = formProblems.collector();
        Integer rating = null;
        String typed = form.get("rating");
        if (typed != null && !typed.isBlank()) {
            try {
                rating = Integer.valueOf(typed.trim());
            } catch (NumberFormatException e) {
                problems.reject("rating", "complaints.close.ratingNotANumber");
            }
        }
        boolean unreachable = "true".equals(form.get("customerUnreachable"));
        if (!problems.isEmpty()) {
            model.addAttribute("problem", problems.problem());
            return again(id, "close", form, FormProblems.UNPROCESSABLE, model, response);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("to", "CLOSED");
        if (rating != null) {
            body.put("rating", rating);
        }
        if (unreachable) {
            body.put("customerUnreachable", true);
        }
        putText(body, "note", form.get("note"));
        Integer score = rating;
        return change(id, "close", form, model, redirect, response,
                () -> Outcomes.closing(post(id, "/transitions", body, form), score, unreachable));
    }

    /** CO-8 "assign responsible": an agent takes an unassigned case of its tier for itself. */
    @PostMapping("/console/complaints/{id}/take")
    String take(@PathVariable String id, @RequestParam Map<String, String> form, @AuthenticationPrincipal OidcUser user,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("handlerId", ConsoleUser.from(user).id());
        return change(id, "take", form, model, redirect, response,
                () -> Outcomes.of("taken", post(id, "/assignment", body, form)));
    }

    /** CO-6: a contact with the customer, which also sets when the next one is due. */
    @PostMapping("/console/complaints/{id}/contacts")
    String contact(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        Map<String, Object> body = new LinkedHashMap<>();
        putText(body, "channel", form.get("channel"));
        putText(body, "summary", form.get("summary"));
        return change(id, "contact", form, model, redirect, response,
                () -> Outcomes.of("contacted", post(id, "/contacts", body, form)));
    }

    private String change(String id, String action, Map<String, String> form, Model model, RedirectAttributes redirect,
            HttpServletResponse response, Supplier<Map<String, String>> call) {
        try {
            redirect.addFlashAttribute("outcome", call.get());
            return "redirect:/console/complaints/" + id;
        } catch (ApiFailure failure) {
            if (failure.status() >= 500) {
                throw failure;
            }
            model.addAttribute("problem", failure.problem());
            return again(id, action, form, failure.status(), model, response);
        }
    }

    /** The case as it is now, with the refusal at the form that asked and what was typed still in it. */
    private String again(String id, String action, Map<String, String> form, int status, Model model,
            HttpServletResponse response) {
        model.addAttribute("failed", action);
        model.addAttribute("typed", form);
        String view = render(id, model);
        response.setStatus(status);
        return view;
    }

    private String render(String id, Model model) {
        Map<String, Object> complaint = api.getMap("/api/v1/complaints/{id}", id);
        model.addAttribute("c", complaint);
        List<?> allowed = complaint.get("allowedTransitions") instanceof List<?> list ? list : List.of();
        model.addAttribute("allowed", allowed);
        // reopening a closed case is a manager's or director's (the service refuses agents): not offered to others
        boolean supervises = model.getAttribute("me") instanceof ConsoleUser me && me.any("MANAGER", "DIRECTOR");
        model.addAttribute("moves", STEPS.stream().filter(allowed::contains)
                .filter(step -> supervises || !"REOPENED".equals(step)).toList());
        model.addAttribute("contactChannels", CONTACT_CHANNELS);
        if (model.getAttribute("typed") == null) {
            model.addAttribute("typed", Map.of());
        }
        return "complaints/case";
    }

    private Map<String, Object> post(String id, String action, Map<String, Object> body, Map<String, String> form) {
        Map<String, String> headers = new LinkedHashMap<>();
        String version = form.get("version");
        if (version != null && version.matches("\\d{1,18}")) {
            headers.put("If-Match", "\"" + version + "\"");
        }
        return api.send(HttpMethod.POST, "/api/v1/complaints/{id}" + action, body, headers, id).body();
    }

    private static void putText(Map<String, Object> body, String field, String value) {
        if (value != null && !value.isBlank()) {
            body.put(field, value.trim());
        }
    }
}
