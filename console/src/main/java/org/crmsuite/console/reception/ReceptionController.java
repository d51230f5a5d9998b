package org.crmsuite.console.reception;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.crmsuite.console.api.ApiFailure;
import org.crmsuite.console.api.ApiProblem;
import org.crmsuite.console.api.GatewayApi;
import org.crmsuite.console.security.ConsoleUser;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The reception desk page ({@code /console/reception}) and its rota part: today's order, who is next and who stands
 * by (SA-1), who is away and how (SA-2), the day's receptions; the office's manager sets the rota, names who is next
 * and marks absences. The walk-in form ({@link WalkInController}) and the unit board ({@link UnitBoardController})
 * load beside it.
 */
@Controller
class ReceptionController {

    static final String ROTA = "/api/v1/reception/offices/{o}/rota/{date}";

    private final GatewayApi api;
    private final ReceptionDesk desk;
    private final MessageSource messages;

    ReceptionController(GatewayApi api, ReceptionDesk desk, MessageSource messages) {
        this.api = api;
        this.desk = desk;
        this.messages = messages;
    }

    @GetMapping({ "/console/reception", "/console/reception/" })
    String page(@RequestParam(required = false) String office, @AuthenticationPrincipal OidcUser user, Model model) {
        ConsoleUser me = ConsoleUser.from(user);
        List<Office> all = desk.offices();
        Office chosen = ReceptionDesk.choose(all, me, office);
        model.addAttribute("offices", ReceptionDesk.choices(all, me));
        model.addAttribute("office", chosen);
        model.addAttribute("today", desk.today().toString());
        if (chosen != null && chosen.frontDesk(me)) {
            model.addAttribute("reps", desk.names(chosen.departmentId()));
            model.addAttribute("form", WalkInForm.blank());
        }
        return "reception/desk";
    }

    /** The rota part, refreshed every 30 s and after each walk-in. */
    @GetMapping("/console/reception/rota")
    String rota(@RequestParam String office, @AuthenticationPrincipal OidcUser user, Model model) {
        Office chosen = desk.office(office);
        Map<String, Object> rota;
        try {
            rota = api.getMap(ROTA, chosen.id(), desk.today());
        } catch (ApiFailure failure) {
            if (failure.status() != 404) {
                throw failure;
            }
            rota = null; // no rota set for today: the manager sets one first (walk-ins get 409 rota.not-set)
        }
        return rotaPanel(chosen, ConsoleUser.from(user), rota, null, model);
    }

    /** SA-1: the manager sets the day's rota: reps in order, the first is next. */
    @PostMapping("/console/reception/rota")
    String setRota(@RequestParam String office, @RequestParam(defaultValue = "") String order,
            @AuthenticationPrincipal OidcUser user, Model model, HttpServletResponse response) {
        Office chosen = desk.office(office);
        List<String> reps = new ArrayList<>(new LinkedHashSet<>(splitOrder(order)));
        if (reps.isEmpty()) {
            ApiProblem problem = FormProblems.local(messages, Map.of("order", "rota.set.orderRequired"));
            response.setStatus(problem.status());
            return rotaPanel(chosen, ConsoleUser.from(user), null, problem, model);
        }
        try {
            Map<String, Object> rota = api.post(ROTA, Map.of("order", reps), chosen.id(), desk.today());
            return rotaPanel(chosen, ConsoleUser.from(user), rota, null, model);
        } catch (ApiFailure failure) {
            response.setStatus(failure.status());
            return rotaPanel(chosen, ConsoleUser.from(user), null, FormProblems.placed(failure.problem()), model);
        }
    }

    /** SA-1: the manager names who is next; the order stays as it is. */
    @PostMapping("/console/reception/rota/next")
    String next(@RequestParam String office, @RequestParam String repId, @AuthenticationPrincipal OidcUser user,
            Model model, HttpServletResponse response) {
        Office chosen = desk.office(office);
        Map<String, Object> current = api.getMap(ROTA, chosen.id(), desk.today());
        List<String> order = RotaViews.of(current, Map.of()).order();
        try {
            Map<String, Object> rota = api.put(ROTA + "/order", Map.of("order", order, "next", repId), chosen.id(),
                    desk.today());
            return rotaPanel(chosen, ConsoleUser.from(user), rota, null, model);
        } catch (ApiFailure failure) {
            response.setStatus(failure.status());
            return rotaPanel(chosen, ConsoleUser.from(user), current, failure.problem(), model);
        }
    }

    /** SA-2: the manager marks a rep absent (without reason, on an errand, on company business, off) or back. */
    @PostMapping("/console/reception/rota/state")
    String state(@RequestParam String office, @RequestParam String repId, @RequestParam String state,
            @AuthenticationPrincipal OidcUser user, Model model, HttpServletResponse response) {
        Office chosen = desk.office(office);
        if (!RotaViews.STATES.contains(state)) {
            ApiProblem problem = FormProblems.local(messages, Map.of("state", "rota.state.unknown"));
            response.setStatus(problem.status());
            return rotaPanel(chosen, ConsoleUser.from(user), api.getMap(ROTA, chosen.id(), desk.today()), problem, model);
        }
        try {
            Map<String, Object> rota = api.put(ROTA + "/reps/{rep}/state", Map.of("state", state), chosen.id(),
                    desk.today(), repId);
            return rotaPanel(chosen, ConsoleUser.from(user), rota, null, model);
        } catch (ApiFailure failure) {
            response.setStatus(failure.status());
            return rotaPanel(chosen, ConsoleUser.from(user), api.getMap(ROTA, chosen.id(), desk.today()),
                    failure.problem(), model);
        }
    }

    private String rotaPanel(Office office, ConsoleUser me, Map<String, Object> rota, ApiProblem problem, Model model) {
        Map<String, String> names = desk.names(office.departmentId());
        model.addAttribute("office", office);
        model.addAttribute("today", desk.today().toString());
        model.addAttribute("day", rota == null ? null : RotaViews.of(rota, names));
        model.addAttribute("manages", office.managedBy(me));
        model.addAttribute("states", RotaViews.STATES);
        model.addAttribute("reps", names);
        if (problem != null) {
            model.addAttribute("problem", problem);
        }
        return "reception/rota :: panel";
    }

    static List<String> splitOrder(String order) {
        List<String> reps = new ArrayList<>();
        for (String part : order.split("[,\\s]+")) {
            if (!part.isBlank()) {
                reps.add(part.trim());
            }
        }
        return reps;
    }
}
