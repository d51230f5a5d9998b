package org.crmsuite.console.inbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.crmsuite.console.api.ApiFailure;
import org.crmsuite.console.api.ApiProblem;
import org.crmsuite.console.api.GatewayApi;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Partner webhook subscriptions (NO-3) for administrators, an htmx part of the inbox page: every subscription with
 * its state, creating one (the signing secret is shown once, as the service returns it once), pausing, resuming and
 * deleting (which disables it: the service keeps it, DISABLED). notification-service lets ADMIN see all and decides
 * everything else; a refusal is shown in the part, field errors next to the fields.
 */
@Controller
@RequestMapping("/console/inbox/subscriptions")
class SubscriptionController {

    private static final ParameterizedTypeReference<List<Subscription>> SUBSCRIPTIONS = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<EventType>> EVENT_TYPES = new ParameterizedTypeReference<>() {
    };

    private final GatewayApi api;

    SubscriptionController(GatewayApi api) {
        this.api = api;
    }

    /** {@code GET /api/v1/subscriptions} as far as the part shows it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Subscription(String id, String partnerId, List<String> eventTypes, String url, String contactEmail,
            String description, String status, int consecutiveFailures, String lastError, String pausedAt,
            String pauseReason, String createdAt) {

        Subscription {
            eventTypes = eventTypes == null ? List.of() : eventTypes;
        }
    }

    /** {@code GET /api/v1/templates/event-types}: only the partner-visible ones may be subscribed to. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record EventType(String type, boolean partnerVisible) {
    }

    /** What the form sends, kept to fill the form again after a refusal. */
    record SubscriptionForm(List<String> eventTypes, String url, String contactEmail, String description) {

        static SubscriptionForm empty() {
            return new SubscriptionForm(List.of(), "", "", "");
        }

        public boolean has(String eventType) {
            return eventTypes.contains(eventType);
        }

        /** The API's JSON: strings trimmed, no description rather than a blank one. */
        Map<String, Object> body() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("eventTypes", eventTypes);
            body.put("url", url.trim());
            body.put("contactEmail", contactEmail.trim());
            if (!description.isBlank()) {
                body.put("description", description.trim());
            }
            return body;
        }
    }

    @GetMapping
    String part(Model model) {
        return show(model, SubscriptionForm.empty());
    }

    @PostMapping
    String create(@RequestParam(required = false) List<String> eventTypes,
            @RequestParam(defaultValue = "") String url, @RequestParam(defaultValue = "") String contactEmail,
            @RequestParam(defaultValue = "") String description, HttpServletResponse response, Model model) {
        SubscriptionForm form = new SubscriptionForm(eventTypes == null ? List.of()
                : eventTypes.stream().filter(type -> !type.isBlank()).toList(), url, contactEmail, description);
        try {
            Map<String, Object> created = api.post("/api/v1/subscriptions", form.body());
            model.addAttribute("created", created.get("subscription"));
            model.addAttribute("secret", created.get("secret"));
            return show(model, SubscriptionForm.empty());
        } catch (ApiFailure failure) {
            if (failure.status() >= 500) {
                throw failure;
            }
            response.setStatus(failure.status());
            model.addAttribute("problem", besideTheFields(failure.problem()));
            return show(model, form);
        }
    }

    @PostMapping("/{id}/pause")
    String pause(@PathVariable String id, HttpServletResponse response, Model model) {
        return act(() -> api.post("/api/v1/subscriptions/{id}/pause", null, id), response, model);
    }

    @PostMapping("/{id}/resume")
    String resume(@PathVariable String id, HttpServletResponse response, Model model) {
        return act(() -> api.post("/api/v1/subscriptions/{id}/resume", null, id), response, model);
    }

    /** The service's DELETE disables the subscription (no more deliveries); it stays listed as DISABLED. */
    @PostMapping("/{id}/delete")
    String delete(@PathVariable String id, HttpServletResponse response, Model model) {
        return act(() -> api.delete("/api/v1/subscriptions/{id}", id), response, model);
    }

    private String act(Runnable action, HttpServletResponse response, Model model) {
        try {
            action.run();
        } catch (ApiFailure failure) {
            if (failure.status() >= 500) {
                throw failure;
            }
            // e.g. 409 subscription.disabled: above the list, which shows the current state
            response.setStatus(failure.status());
            model.addAttribute("actionProblem", failure.problem());
        }
        return show(model, SubscriptionForm.empty());
    }

    private String show(Model model, SubscriptionForm form) {
        model.addAttribute("subscriptions", api.get("/api/v1/subscriptions", SUBSCRIPTIONS));
        model.addAttribute("eventTypes", api.get("/api/v1/templates/event-types", EVENT_TYPES).stream()
                .filter(EventType::partnerVisible).map(EventType::type).toList());
        model.addAttribute("form", form);
        return "inbox/subscriptions :: part";
    }

    /**
     * The service names list elements ({@code eventTypes[2]}) and reports an unknown event type with its own
     * {@code field} property rather than {@code errors[]}: both belong next to the event type choice.
     */
    static ApiProblem besideTheFields(ApiProblem problem) {
        Map<String, String> errors = new LinkedHashMap<>();
        problem.errors().forEach((field, message) -> errors.merge(field.replaceAll("\\[\\d+]$", ""), message,
                (first, second) -> first + "; " + second));
        if ("event-type.unknown".equals(problem.code()) && !errors.containsKey("eventTypes")) {
            errors.put("eventTypes", problem.summary());
        }
        return new ApiProblem(problem.status(), problem.code(), problem.title(), problem.detail(), errors);
    }
}
