package org.crmsuite.console.reception;

import java.util.List;
import java.util.Map;

import org.crmsuite.console.api.ApiFailure;
import org.crmsuite.console.api.ApiProblem;
import org.crmsuite.console.api.ApiUnavailable;
import org.crmsuite.console.api.GatewayApi;
import org.crmsuite.console.security.ConsoleUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The unit availability board and its deposit actions (SA-9): place a deposit on an available unit, move a deal to
 * its next stage, cancel it (the unit is free at once), record money received (FINANCE). A refusal — the unit taken
 * a moment ago (409 {@code unit.not-available}), a blacklisted customer, customer-service not answering (503, nothing
 * written) — is shown on the form with what was typed; a success refreshes the board (event {@code units-changed}).
 */
@Controller
class UnitBoardController {

    private static final Logger log = LoggerFactory.getLogger(UnitBoardController.class);

    static final List<String> ACTIONS = List.of("place", "stage", "cancel", "payment");
    /** The console's path segment of each action on a deal, as sales-service names it. */
    private static final Map<String, String> VERBS = Map.of("stage", "stage", "cancel", "cancellation", "payment", "payments");

    private final GatewayApi api;
    private final ReceptionDesk desk;
    private final MessageSource messages;

    UnitBoardController(GatewayApi api, ReceptionDesk desk, MessageSource messages) {
        this.api = api;
        this.desk = desk;
        this.messages = messages;
    }

    @GetMapping("/console/reception/units")
    String board(@RequestParam String office, @AuthenticationPrincipal OidcUser user, Model model) {
        ConsoleUser me = ConsoleUser.from(user);
        Office chosen = desk.office(office);
        List<Map<String, Object>> units = api.getList("/api/v1/units?projectId={p}", chosen.projectId());
        Map<String, String> names = desk.names(chosen.departmentId());
        List<UnitBoard.Row> rows = UnitBoard.rows(units, deals(chosen, me), chosen, me, names);
        model.addAttribute("office", chosen);
        model.addAttribute("rows", rows);
        model.addAttribute("counts", UnitBoard.counts(rows));
        return "reception/units :: board";
    }

    /** The deals behind the held units, as far as this person reads deals (a rep: their own); else none. */
    private List<Map<String, Object>> deals(Office office, ConsoleUser me) {
        if (!me.any("SALES", "MANAGER", "FINANCE", "ADMIN", "GM", "DIRECTOR")) {
            return List.of();
        }
        try {
            return api.getList("/api/v1/deposits?officeId={o}", office.id());
        } catch (ApiFailure | ApiUnavailable e) {
            log.debug("deals of {} not shown on the board: {}", office.id(), e.getMessage());
            return List.of(); // the board still shows every unit's status; only the deal actions are missing
        }
    }

    /** Opens a deposit form in the board's side panel. */
    @GetMapping("/console/reception/deposit-form")
    String form(@RequestParam String office, @RequestParam String action, @RequestParam(required = false) String unitId,
            @RequestParam(required = false) String depositId, @RequestParam(required = false) String unitLabel,
            @AuthenticationPrincipal OidcUser user, Model model,
            HttpServletResponse response) {
        Office chosen = desk.office(office);
        if (!ACTIONS.contains(action) || blank("place".equals(action) ? unitId : depositId)) {
            response.setStatus(400);
            model.addAttribute("problem", FormProblems.local(messages, Map.of("action", "deposit.action.unknown")));
            return "fragments/problem :: panel";
        }
        if ("place".equals(action)) {
            Map<String, Object> unit = api.getMap("/api/v1/units/{id}", unitId);
            return form(chosen, ConsoleUser.from(user), "place", DealForm.forUnit(unitId, UnitBoard.label(unit)), null,
                    null, model);
        }
        Map<String, Object> deal = api.getMap("/api/v1/deposits/{id}", depositId);
        String stage = String.valueOf(deal.get("stage"));
        // the board's label of the unit, for the heading only
        DealForm blank = DealForm.forDeal(unitLabel, "payment".equals(action) ? stage : null);
        return form(chosen, ConsoleUser.from(user), action, blank, deal, null, model);
    }

    /** SA-9: a deposit on an available unit; the unit is locked for it or the service says who came first. */
    @PostMapping("/console/reception/deposits")
    String place(@RequestParam String office, @ModelAttribute DealForm form, @AuthenticationPrincipal OidcUser user,
            Model model, HttpServletResponse response) {
        ConsoleUser me = ConsoleUser.from(user);
        Office chosen = desk.office(office);
        DealForm sent = form.withKey();
        ApiProblem unreadable = unreadable(sent, DealForm.FIRST_STAGES);
        if (unreadable != null) {
            return refused(chosen, me, "place", sent, null, unreadable, model, response);
        }
        try {
            Map<String, Object> deal = api.send(HttpMethod.POST, "/api/v1/deposits", sent.placeBody(chosen.managedBy(me)),
                    Map.of("Idempotency-Key", sent.idempotencyKey())).body();
            return done("place", deal, sent.unitLabel(), model, response);
        } catch (ApiFailure failure) {
            if ("unit.not-available".equals(failure.problem().code())) {
                response.setHeader("HX-Trigger", "units-changed"); // the board shows who holds it now
            }
            return refused(chosen, me, "place", sent, null, failure.problem(), model, response);
        } catch (ApiUnavailable unavailable) {
            return refused(chosen, me, "place", sent, null, problemOf(unavailable), model, response);
        }
    }

    /** SA-9: forward only (small deposit → large deposit → subscription → contract, which settles SA-7). */
    @PostMapping("/console/reception/deposits/{id}/stage")
    String stage(@RequestParam String office, @PathVariable String id, @ModelAttribute DealForm form,
            @AuthenticationPrincipal OidcUser user, Model model, HttpServletResponse response) {
        return act(office, id, "stage", form, "/api/v1/deposits/{id}/stage", ConsoleUser.from(user), model, response);
    }

    /** SA-9: cancellation releases the unit at once. */
    @PostMapping("/console/reception/deposits/{id}/cancellation")
    String cancel(@RequestParam String office, @PathVariable String id, @ModelAttribute DealForm form,
            @AuthenticationPrincipal OidcUser user, Model model, HttpServletResponse response) {
        return act(office, id, "cancel", form, "/api/v1/deposits/{id}/cancellation", ConsoleUser.from(user), model,
                response);
    }

    /** SA-9: money is recorded as received by finance, never by a rep. */
    @PostMapping("/console/reception/deposits/{id}/payments")
    String payment(@RequestParam String office, @PathVariable String id, @ModelAttribute DealForm form,
            @AuthenticationPrincipal OidcUser user, Model model, HttpServletResponse response) {
        return act(office, id, "payment", form, "/api/v1/deposits/{id}/payments", ConsoleUser.from(user), model,
                response);
    }

    private String act(String office, String depositId, String action, DealForm form, String uri, ConsoleUser me,
            Model model, HttpServletResponse response) {
        Office chosen = desk.office(office);
        DealForm sent = form.withKey();
        ApiProblem unreadable = "cancel".equals(action) ? null : unreadable(sent, DealForm.STAGES);
        if (unreadable != null) {
            return refused(chosen, me, action, sent, api.getMap("/api/v1/deposits/{id}", depositId), unreadable, model,
                    response);
        }
        Map<String, Object> body = switch (action) {
            case "stage" -> sent.stageBody();
            case "cancel" -> sent.cancelBody();
            default -> sent.paymentBody();
        };
        try {
            Map<String, Object> deal = api.send(HttpMethod.POST, uri, body, Map.of("Idempotency-Key",
                    sent.idempotencyKey()), depositId).body();
            return done(action, deal, sent.unitLabel(), model, response);
        } catch (ApiFailure failure) {
            return refused(chosen, me, action, sent, api.getMap("/api/v1/deposits/{id}", depositId), failure.problem(),
                    model, response);
        } catch (ApiUnavailable unavailable) {
            return refused(chosen, me, action, sent, api.getMap("/api/v1/deposits/{id}", depositId),
                    problemOf(unavailable), model, response);
        }
    }

    private ApiProblem unreadable(DealForm form, List<String> stages) {
        if (!form.amountReadable()) {
            return FormProblems.local(messages, Map.of("amount", "deposit.amount.unreadable"));
        }
        if (!form.stageOffered(stages)) {
            return FormProblems.local(messages, Map.of("stage", "deposit.stage.unknown"));
        }
        return null;
    }

    /** A 503 with the service's problem (customer-service did not answer: nothing written) stays on the form. */
    private static ApiProblem problemOf(ApiUnavailable unavailable) {
        ApiProblem problem = FormProblems.of(unavailable);
        if (problem == null) {
            throw unavailable;
        }
        return problem;
    }

    private String done(String action, Map<String, Object> deal, String unitLabel, Model model,
            HttpServletResponse response) {
        model.addAttribute("action", action);
        model.addAttribute("deal", deal);
        model.addAttribute("unitLabel", unitLabel);
        response.setHeader("HX-Trigger", "units-changed");
        return "reception/deposit :: done";
    }

    private String refused(Office office, ConsoleUser me, String action, DealForm form, Map<String, Object> deal,
            ApiProblem problem, Model model, HttpServletResponse response) {
        response.setStatus(problem.status());
        return form(office, me, action, form, deal, FormProblems.placed(problem), model);
    }

    private String form(Office office, ConsoleUser me, String action, DealForm form, Map<String, Object> deal,
            ApiProblem problem, Model model) {
        model.addAttribute("office", office);
        model.addAttribute("action", action);
        model.addAttribute("verb", VERBS.get(action));
        model.addAttribute("form", form);
        model.addAttribute("deal", deal);
        model.addAttribute("stages", stagesFor(action, deal == null ? null : String.valueOf(deal.get("stage"))));
        model.addAttribute("namesRep", "place".equals(action) && office.managedBy(me));
        if ("place".equals(action) && office.managedBy(me)) {
            model.addAttribute("reps", desk.names(office.departmentId()));
        }
        if (problem != null) {
            model.addAttribute("problem", problem);
        }
        return "reception/deposit :: form";
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** The stages a form offers: a first stage; the ones after the deal's (forward only); the ones paid for so far. */
    static List<String> stagesFor(String action, String current) {
        int reached = current == null ? -1 : DealForm.STAGES.indexOf(current);
        return switch (action) {
            case "place" -> DealForm.FIRST_STAGES;
            case "stage" -> DealForm.STAGES.subList(Math.max(reached + 1, 1), DealForm.STAGES.size());
            case "payment" -> DealForm.STAGES.subList(0, Math.max(reached + 1, 1));
            default -> List.of();
        };
    }
}
