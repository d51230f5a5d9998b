package org.crmsuite.console.visits;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Filing a visit record (VI-3) with its scored report (VI-4), and showing a record. The form offers the person's
 * open plans (choosing one completes it) and the scales' labels as visit-service defines them; the service judges
 * everything else and its refusals appear next to the fields they name. A filed record is shown by redirect, so
 * reloading the page does not send the form again.
 */
@Controller
class VisitRecordController {

    private static final Logger log = LoggerFactory.getLogger(VisitRecordController.class);

    /** An open plan the visit may fulfil. */
    record PlanOption(String id, String customerId, String customerName, String kind, String dueDate) {
    }

    /** A customer to pick: those of the person's open plans. */
    record CustomerOption(String id, String name) {
    }

    private final GatewayApi api;
    private final Clock clock;
    private final VisitScreenSettings settings;
    private final MessageSource messages;

    VisitRecordController(GatewayApi api, Clock clock, VisitScreenSettings settings, MessageSource messages) {
        this.api = api;
        this.clock = clock;
        this.settings = settings;
        this.messages = messages;
    }

    @GetMapping("/console/visits/record")
    String form(@RequestParam(required = false) String customerId, @RequestParam(required = false) String planId,
            @AuthenticationPrincipal OidcUser user, Model model) {
        RecordForm blank = RecordForm.blank(blankToNull(customerId), blankToNull(planId),
                LocalDateTime.now(clock.withZone(settings.zone())));
        List<PlanOption> plans = options(ConsoleUser.from(user), model);
        // a plan chosen from the due list or the calendar names its customer
        RecordForm form = blank.customerId() != null || blank.planId() == null ? blank
                : plans.stream().filter(plan -> plan.id().equals(blank.planId())).findFirst()
                        .map(plan -> blank.withCustomerId(plan.customerId())).orElse(blank);
        model.addAttribute("form", form);
        model.addAttribute("planListed", listed(form, plans));
        return "visits/record";
    }

    @PostMapping("/console/visits/record")
    String record(@RequestParam MultiValueMap<String, String> params, @AuthenticationPrincipal OidcUser user,
            Locale locale, Model model, HttpServletResponse response) {
        ConsoleUser me = ConsoleUser.from(user);
        RecordForm form = RecordForm.from(params);
        Map<String, String> unreadable = form.unreadable(settings.zone());
        if (!unreadable.isEmpty()) {
            Map<String, String> errors = new LinkedHashMap<>();
            unreadable.forEach((field, key) -> errors.put(field, messages.getMessage(key, null, locale)));
            return again(form, new ApiProblem(422, "request.invalid", messages.getMessage("visits.error.title", null,
                    locale), null, errors), 422, me, model, response);
        }
        try {
            if (form.customerId() == null && form.planId() != null) {
                // the plan names its customer: the person need not type it again
                form = form.withCustomerId(DueVisit.text(api.getMap("/api/v1/visit-plans/{id}", form.planId())
                        .get("customerId")));
            }
            Map<String, Object> filed = api.send(HttpMethod.POST, "/api/v1/visits", form.body(settings.zone()),
                    Map.of("Idempotency-Key", form.idempotencyKey())).body();
            String id = DueVisit.text(filed == null ? null : filed.get("id"));
            return "redirect:" + UriComponentsBuilder.fromPath("/console/visits/records/{id}")
                    .queryParam("recorded", "true").buildAndExpand(id).encode().toUriString();
        } catch (ApiFailure refused) {
            if (refused.status() >= 500) {
                throw refused;
            }
            return again(form, atFields(refused.problem()), refused.status(), me, model, response);
        } catch (ApiUnavailable down) {
            // the person keeps what they typed; the same Idempotency-Key makes a retry safe if the first went through
            log.warn("visit record not sent: {}", down.getMessage());
            model.addAttribute("sendUnavailable", true);
            return again(form, null, HttpStatus.SERVICE_UNAVAILABLE.value(), me, model, response);
        }
    }

    /** One visit record; {@code recorded} when the person has just filed it. */
    @GetMapping("/console/visits/records/{id}")
    String show(@PathVariable String id, @RequestParam(required = false) String recorded, Model model) {
        model.addAttribute("visit", api.getMap("/api/v1/visits/{id}", id));
        model.addAttribute("recorded", recorded != null);
        return "visits/visit";
    }

    private String again(RecordForm form, ApiProblem problem, int status, ConsoleUser me, Model model,
            HttpServletResponse response) {
        response.setStatus(status);
        model.addAttribute("form", form);
        if (problem != null) {
            model.addAttribute("problem", problem);
        }
        model.addAttribute("planListed", listed(form, options(me, model)));
        return "visits/record";
    }

    /** Whether the form's plan is among the choices; one that is not (a colleague's, for a manager) is kept as is. */
    private static boolean listed(RecordForm form, List<PlanOption> plans) {
        return form.planId() == null || plans.stream().anyMatch(plan -> plan.id().equals(form.planId()));
    }

    /**
     * The choices the form offers: the person's open plans (and their customers) and the VI-4 scales. Without them
     * the form still works (a customer id can be typed; the ratings then cannot be chosen), so a failure here only
     * marks them unavailable.
     */
    private List<PlanOption> options(ConsoleUser me, Model model) {
        List<PlanOption> plans = List.of();
        Map<String, Object> scales = Map.of();
        try {
            scales = api.getMap("/api/v1/visits/scales");
            Map<String, Object> page = api.getMap("/api/v1/visit-plans?ownerId={ownerId}&status=PLANNED&size=200", me.id());
            if (page != null && page.get("items") instanceof List<?> items) {
                plans = items.stream().filter(Map.class::isInstance).map(item -> option((Map<?, ?>) item)).toList();
            }
        } catch (ApiUnavailable | ApiFailure e) {
            log.debug("record form without choices: {}", e.getMessage());
            model.addAttribute("optionsUnavailable", true);
        }
        Map<String, CustomerOption> customers = new LinkedHashMap<>();
        plans.forEach(plan -> customers.putIfAbsent(plan.customerId(), new CustomerOption(plan.customerId(), plan.customerName())));
        model.addAttribute("plans", plans);
        model.addAttribute("customers", List.copyOf(customers.values()));
        model.addAttribute("scales", scales == null ? Map.of() : scales);
        model.addAttribute("modes", RecordForm.MODES);
        model.addAttribute("dimensions", RecordForm.DIMENSIONS);
        model.addAttribute("fields", RecordForm.FIELDS);
        model.addAttribute("zone", settings.zone().getId());
        return plans;
    }

    private PlanOption option(Map<?, ?> plan) {
        Instant dueBy = DueVisit.instant(plan.get("dueBy"));
        return new PlanOption(DueVisit.text(plan.get("id")), DueVisit.text(plan.get("customerId")),
                DueVisit.text(plan.get("customerName")), DueVisit.text(plan.get("kind")),
                dueBy == null ? "" : dueBy.atZone(settings.zone()).toLocalDate().toString());
    }

    /**
     * A refusal about the plan or the customer (VI-3: {@code plan.closed}, {@code plan.other-customer}, a plan or
     * customer not found) is put next to that input; the rest stays above the form.
     */
    static ApiProblem atFields(ApiProblem problem) {
        String code = problem.code() == null ? "" : problem.code();
        String field = code.startsWith("plan.") || code.startsWith("visit-plan.") ? "planId"
                : code.startsWith("customer.") ? "customerId" : null;
        if (field == null || problem.messageFor(field) != null) {
            return problem;
        }
        Map<String, String> errors = new LinkedHashMap<>(problem.errors());
        errors.put(field, problem.summary());
        return new ApiProblem(problem.status(), problem.code(), problem.title(), null, errors);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
