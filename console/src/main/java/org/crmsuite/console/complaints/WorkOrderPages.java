package org.crmsuite.console.complaints;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.crmsuite.console.api.ApiFailure;
import org.crmsuite.console.api.GatewayApi;
import org.crmsuite.console.security.ConsoleUser;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Work orders (CO-10): a dispatcher issues them and reviews the unfinished ones at the end of the day; the assignee
 * acknowledges, reports progress, escalates to a superior (an order is never refused), completes; the sign-off is
 * recorded by either; the dispatcher calls back and archives. The list is what the service shows the person (a
 * dispatcher's department, an assignee's own orders), newest first as it answers.
 */
@Controller
class WorkOrderPages {

    static final List<String> STATES = List.of("ISSUED", "ACKNOWLEDGED", "COMPLETED", "SIGNED_OFF", "CALLED_BACK",
            "ARCHIVED");
    static final List<String> ISSUE_FIELDS = List.of("assigneeId", "location", "task", "requirements", "replyBy",
            "complaintId");
    /** The order's steps, by the last part of their API path. */
    private static final Set<String> ACTIONS = Set.of("acknowledgement", "progress", "escalation", "completion",
            "sign-off", "call-back", "archive");
    /** Who may review the day's unfinished orders (the service refuses the others). */
    private static final String[] DAY_REVIEWERS = { "DISPATCHER", "MANAGER", "DIRECTOR", "GM", "ADMIN" };
    private static final int PAGE_SIZE = 50;

    private final GatewayApi api;
    private final FormProblems formProblems;
    private final ZoneId zone;

    WorkOrderPages(GatewayApi api, FormProblems formProblems, ComplaintScreenSettings settings) {
        this.api = api;
        this.formProblems = formProblems;
        this.zone = settings.zone();
    }

    @GetMapping("/console/complaints/work-orders")
    String page(@RequestParam(required = false) String view, @RequestParam(required = false) String state,
            @AuthenticationPrincipal OidcUser user, Model model) {
        return page(view, state, ConsoleUser.from(user), Map.of(), model);
    }

    /** The list part: {@code view=unfinished} is the end-of-day review, otherwise the orders the person sees. */
    @GetMapping("/console/complaints/work-orders/list")
    String list(@RequestParam(required = false) String view, @RequestParam(required = false) String state,
            @RequestParam(defaultValue = "0") int page, Model model) {
        List<Map<String, Object>> orders;
        if ("unfinished".equals(view)) {
            orders = api.getList("/api/v1/work-orders/unfinished");
        } else {
            UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/api/v1/work-orders");
            if (state != null && STATES.contains(state)) {
                uri.queryParam("state", state);
            }
            uri.queryParam("page", Math.max(page, 0)).queryParam("size", PAGE_SIZE);
            orders = api.getList(uri.build().toUriString());
            model.addAttribute("previousPage", page > 0 ? page - 1 : null);
            model.addAttribute("nextPage", orders.size() >= PAGE_SIZE ? page + 1 : null);
        }
        model.addAttribute("orders", orders);
        model.addAttribute("view", "unfinished".equals(view) ? "unfinished" : "all");
        model.addAttribute("state", state);
        return "complaints/work-orders :: list";
    }

    /** A dispatcher issues an order; {@code replyBy} is typed in the business calendar's zone. */
    @PostMapping("/console/complaints/work-orders")
    String issue(@RequestParam Map<String, String> form, @AuthenticationPrincipal OidcUser user, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        FormProblems.Collector problems = formProblems.collector();
        Map<String, Object> body = new LinkedHashMap<>();
        for (String field : List.of("assigneeId", "location", "task", "requirements", "complaintId")) {
            putText(body, field, form.get(field));
        }
        Instant replyBy = time(form.get("replyBy"), "replyBy", problems);
        if (replyBy != null) {
            body.put("replyBy", replyBy.toString());
        }
        ConsoleUser me = ConsoleUser.from(user);
        if (!problems.isEmpty()) {
            model.addAttribute("problem", problems.problem());
            response.setStatus(FormProblems.UNPROCESSABLE);
            return page(null, null, me, form, model);
        }
        try {
            Map<String, Object> issued = api.post("/api/v1/work-orders", body);
            redirect.addFlashAttribute("outcome", Map.of("action", "issued"));
            return "redirect:/console/complaints/work-orders/" + issued.get("id");
        } catch (ApiFailure failure) {
            if (failure.status() >= 500) {
                throw failure;
            }
            model.addAttribute("problem", failure.problem());
            response.setStatus(failure.status());
            return page(null, null, me, form, model);
        }
    }

    @GetMapping("/console/complaints/work-orders/{id}")
    String order(@PathVariable String id, Model model) {
        return render(id, model);
    }

    @PostMapping("/console/complaints/work-orders/{id}/{action}")
    String act(@PathVariable String id, @PathVariable String action, @RequestParam Map<String, String> form,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        if (!ACTIONS.contains(action)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        FormProblems.Collector problems = formProblems.collector();
        Map<String, Object> body = body(action, form, problems);
        if (!problems.isEmpty()) {
            model.addAttribute("problem", problems.problem());
            return again(id, action, form, FormProblems.UNPROCESSABLE, model, response);
        }
        try {
            api.send(HttpMethod.POST, "/api/v1/work-orders/{id}/" + action, body, Map.of(), id);
            redirect.addFlashAttribute("outcome", Map.of("action", action));
            return "redirect:/console/complaints/work-orders/" + id;
        } catch (ApiFailure failure) {
            if (failure.status() >= 500) {
                throw failure;
            }
            model.addAttribute("problem", failure.problem());
            return again(id, action, form, failure.status(), model, response);
        }
    }

    private Map<String, Object> body(String action, Map<String, String> form, FormProblems.Collector problems) {
        Map<String, Object> body = new LinkedHashMap<>();
        switch (action) {
            case "progress" -> {
                putText(body, "note", form.get("note"));
                Instant expected = time(form.get("expectedCompletionAt"), "expectedCompletionAt", problems);
                if (expected != null) {
                    body.put("expectedCompletionAt", expected.toString());
                }
            }
            case "escalation" -> {
                putText(body, "superiorId", form.get("superiorId"));
                putText(body, "reason", form.get("reason"));
            }
            case "completion" -> {
                putText(body, "process", form.get("process"));
                putText(body, "result", form.get("result"));
            }
            case "sign-off" -> {
                putText(body, "signedBy", form.get("signedBy"));
                putText(body, "note", form.get("note"));
            }
            case "call-back" -> {
                putText(body, "note", form.get("note"));
                String satisfied = form.get("satisfied");
                if ("true".equals(satisfied) || "false".equals(satisfied)) {
                    body.put("satisfied", Boolean.valueOf(satisfied));
                }
            }
            default -> {
                return null; // acknowledgement, archive: the step itself is all
            }
        }
        return body;
    }

    private String page(String view, String state, ConsoleUser me, Map<String, String> form, Model model) {
        boolean reviewsDay = me.any(DAY_REVIEWERS);
        model.addAttribute("view", "unfinished".equals(view) && reviewsDay ? "unfinished" : "all");
        model.addAttribute("state", state != null && STATES.contains(state) ? state : null);
        model.addAttribute("states", STATES);
        model.addAttribute("reviewsDay", reviewsDay);
        model.addAttribute("form", form);
        model.addAttribute("fields", ISSUE_FIELDS);
        model.addAttribute("zone", zone.getId());
        return "complaints/work-orders";
    }

    private String again(String id, String action, Map<String, String> form, int status, Model model,
            HttpServletResponse response) {
        model.addAttribute("failed", action);
        model.addAttribute("typed", form);
        String view = render(id, model);
        response.setStatus(status);
        return view;
    }

    private String render(String id, Model model) {
        model.addAttribute("o", api.getMap("/api/v1/work-orders/{id}", id));
        if (model.getAttribute("typed") == null) {
            model.addAttribute("typed", Map.of());
        }
        model.addAttribute("zone", zone.getId());
        return "complaints/work-order";
    }

    private Instant time(String typed, String field, FormProblems.Collector problems) {
        try {
            return TypedTimes.instant(typed, zone);
        } catch (DateTimeException e) {
            problems.reject(field, "complaints.form.timeUnreadable");
            return null;
        }
    }

    private static void putText(Map<String, Object> body, String field, String value) {
        if (value != null && !value.isBlank()) {
            body.put(field, value.trim());
        }
    }
}
