package org.crmsuite.console.reception;

import java.util.Map;

import org.crmsuite.console.api.ApiFailure;
import org.crmsuite.console.api.ApiProblem;
import org.crmsuite.console.api.ApiUnavailable;
import org.crmsuite.console.api.GatewayApi;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The walk-in form: the desk asks sales-service who receives this visitor and shows the answer — the rep, whom the
 * visitor is credited to, and the rule behind it (SA-1/SA-2 the rota, SA-3 the registered rep or a courtesy, SA-5 a
 * named rep, SA-7 a refusal) — then the rota part refreshes (event {@code rota-changed}).
 */
@Controller
class WalkInController {

    static final String WALK_INS = "/api/v1/reception/offices/{o}/walk-ins";

    private final GatewayApi api;
    private final ReceptionDesk desk;
    private final MessageSource messages;

    WalkInController(GatewayApi api, ReceptionDesk desk, MessageSource messages) {
        this.api = api;
        this.desk = desk;
        this.messages = messages;
    }

    @PostMapping("/console/reception/walk-ins")
    String receive(@RequestParam String office, @ModelAttribute WalkInForm form, Model model,
            HttpServletResponse response) {
        WalkInForm sent = form.withKey();
        Office chosen = desk.office(office);
        model.addAttribute("office", chosen);
        model.addAttribute("reps", desk.names(chosen.departmentId()));
        if (!sent.visitedBeforeReadable()) {
            return refused(FormProblems.local(messages, Map.of("visitedBefore", "walkIn.visitedBefore.unknown")), sent,
                    model, response);
        }
        Map<String, Object> decision;
        try {
            decision = api.send(HttpMethod.POST, WALK_INS, sent.body(), Map.of("Idempotency-Key", sent.idempotencyKey()),
                    chosen.id()).body();
        } catch (ApiFailure failure) {
            return refused(failure.problem(), sent, model, response);
        } catch (ApiUnavailable unavailable) {
            // 503 rota.busy / sales-service.busy: nothing was decided; the visitor's details stay in the form
            ApiProblem problem = FormProblems.of(unavailable);
            if (problem == null) {
                throw unavailable;
            }
            return refused(problem, sent, model, response);
        }
        model.addAttribute("decision", decision);
        model.addAttribute("rule", WalkInRule.of(decision));
        model.addAttribute("form", WalkInForm.blank());
        response.setHeader("HX-Trigger", "rota-changed");
        return "reception/walk-in :: section";
    }

    private static String refused(ApiProblem problem, WalkInForm form, Model model, HttpServletResponse response) {
        model.addAttribute("problem", problem);
        model.addAttribute("form", form);
        response.setStatus(problem.status());
        return "reception/walk-in :: section";
    }
}
