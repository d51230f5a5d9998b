package org.crmsuite.console.complaints;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.crmsuite.console.api.ApiFailure;
import org.crmsuite.console.api.GatewayApi;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Filing a complaint (CO-1, CO-2) as staff taking a call: the form, the call to intake, the service's field errors
 * next to the fields, and then the new case's page. The form carries its own {@code Idempotency-Key}, so a form sent
 * twice (a double click, a retry after a timeout) files one complaint.
 */
@Controller
class ComplaintIntake {

    private final GatewayApi api;

    ComplaintIntake(GatewayApi api) {
        this.api = api;
    }

    @GetMapping("/console/complaints/new")
    String form(Model model) {
        return show(IntakeForm.blank(), UUID.randomUUID().toString(), model);
    }

    @PostMapping("/console/complaints")
    String file(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        Map<String, String> form = new LinkedHashMap<>(params);
        form.remove("_csrf");
        String key = form.remove("idempotencyKey");
        if (key == null || key.isBlank()) {
            key = UUID.randomUUID().toString();
        }
        Map<String, Object> filed;
        try {
            filed = api.send(HttpMethod.POST, "/api/v1/complaints", IntakeForm.body(form), Map.of("Idempotency-Key", key))
                    .body();
        } catch (ApiFailure failure) {
            if (failure.status() >= 500) {
                throw failure;
            }
            model.addAttribute("problem", failure.problem());
            response.setStatus(failure.status());
            return show(form, key, model);
        }
        String id = String.valueOf(filed.get("id"));
        redirect.addFlashAttribute("outcome", Outcomes.of("filed", filed));
        return "redirect:/console/complaints/" + id;
    }

    private static String show(Map<String, String> form, String key, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("idempotencyKey", key);
        model.addAttribute("channels", IntakeForm.CHANNELS);
        model.addAttribute("categories", IntakeForm.CATEGORIES);
        model.addAttribute("levels", IntakeForm.LEVELS);
        model.addAttribute("contactKinds", IntakeForm.CONTACT_KINDS);
        model.addAttribute("fields", IntakeForm.FIELDS);
        return "complaints/new";
    }
}
