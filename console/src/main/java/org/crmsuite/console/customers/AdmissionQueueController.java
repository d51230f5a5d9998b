package org.crmsuite.console.customers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.crmsuite.console.api.ApiFailure;
import org.crmsuite.console.api.ApiProblem;
import org.crmsuite.console.api.GatewayApi;
import org.crmsuite.console.customers.CustomerViews.Admission;
import org.crmsuite.console.customers.CustomerViews.ListPage;
import org.crmsuite.console.security.ConsoleUser;
import org.crmsuite.console.security.HtmxRequests;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The admission review queue (CU-5): applications waiting at a step of sales → finance → general manager, with the
 * approve / reject form for the person whose role decides the pending step. The service checks the role again and
 * answers in problem+json; its words are shown next to the decision and the reason.
 */
@Controller
class AdmissionQueueController {

    static final List<String> STATUSES = List.of("PENDING_SALES", "PENDING_FINANCE", "PENDING_GM", "APPROVED", "REJECTED");
    static final List<String> DECISIONS = List.of("APPROVE", "REJECT");
    static final List<String> DECISION_FIELDS = List.of("decision", "reason");
    static final int PAGE_SIZE = 20;

    private static final ParameterizedTypeReference<ListPage<Admission>> ADMISSIONS = new ParameterizedTypeReference<>() {
    };

    private final GatewayApi api;
    private final CustomerFormProblems problems;
    private final JsonMapper json;

    AdmissionQueueController(GatewayApi api, CustomerFormProblems problems, JsonMapper json) {
        this.api = api;
        this.problems = problems;
        this.json = json;
    }

    /** Without a status: the step this person decides (a sales rep's, finance's, the general manager's). */
    @GetMapping("/console/customers/admissions")
    String queue(@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") String page,
            @AuthenticationPrincipal OidcUser user, Model model, HttpServletResponse response) {
        ConsoleUser me = ConsoleUser.from(user);
        String shown = status == null || status.isBlank() ? defaultStatus(me) : status.strip();
        if (!STATUSES.contains(shown)) {
            model.addAttribute("problem", problems.invalid(Map.of("status", "customers.form.choice")));
            model.addAttribute("status", shown);
            model.addAttribute("statuses", STATUSES);
            response.setStatus(CustomerFormProblems.UNPROCESSABLE);
            return "customers/admissions";
        }
        fillQueue(model, shown, ApiQuery.pageNumber(page));
        return "customers/admissions";
    }

    /**
     * One decision. From the page's htmx form the application's card comes back as it now stands (or the form with
     * the service's messages next to its fields); without htmx the queue is shown again.
     */
    @PostMapping("/console/customers/admissions/{id}/decisions")
    String decide(@PathVariable String id, @RequestParam(required = false) String decision,
            @RequestParam(required = false) String reason, @RequestParam(required = false) String step,
            @RequestParam(required = false) String status, @AuthenticationPrincipal OidcUser user, Model model,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        boolean htmx = HtmxRequests.isHtmx(request);
        String chosen = decision == null ? "" : decision.strip();
        ApiProblem problem;
        int failedWith;
        if (!DECISIONS.contains(chosen)) {
            problem = problems.invalid(Map.of("decision", "customers.admissions.chooseDecision"));
            failedWith = CustomerFormProblems.UNPROCESSABLE;
        } else {
            try {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("decision", chosen);
                body.put("reason", reason);
                // the answer is the application as it now stands
                Admission decided = json.convertValue(api.post("/api/v1/admissions/{id}/decisions", body, id),
                        Admission.class);
                if (!htmx) {
                    // a flash attribute lives in the session (stored in MongoDB): the name, not the application
                    redirect.addFlashAttribute("decidedName", decided.name());
                    return "redirect:" + queueUrl(status);
                }
                model.addAttribute("a", decided);
                model.addAttribute("decidedId", decided.id());
                return "customers/admissions :: application";
            } catch (ApiFailure refused) {
                if (refused.status() >= 500) {
                    throw refused;
                }
                problem = refused.problem();
                failedWith = refused.status();
            }
        }
        response.setStatus(failedWith);
        model.addAttribute("problem", problem);
        model.addAttribute("problemFor", id);
        model.addAttribute("typedDecision", chosen);
        model.addAttribute("typedReason", reason);
        if (htmx) {
            // only the form is replaced: the card around it still shows the application as it was read
            response.setHeader("HX-Retarget", "#decision-" + id);
            response.setHeader("HX-Reswap", "outerHTML");
            model.addAttribute("appId", id);
            model.addAttribute("step", step);
            model.addAttribute("queueStatus", status);
            return "customers/admissions :: decision";
        }
        fillQueue(model, status == null || !STATUSES.contains(status) ? defaultStatus(ConsoleUser.from(user)) : status, 0);
        return "customers/admissions";
    }

    private void fillQueue(Model model, String status, int page) {
        ApiQuery query = ApiQuery.of("/api/v1/admissions").param("status", status).param("page", page)
                .param("size", PAGE_SIZE);
        ListPage<Admission> applications = api.get(query.template(), ADMISSIONS, query.values());
        model.addAttribute("applications", applications);
        model.addAttribute("status", status);
        model.addAttribute("statuses", STATUSES);
        if (applications.hasPrevious()) {
            model.addAttribute("previousUrl", pageUrl(status, applications.page() - 1));
        }
        if (applications.hasNext()) {
            model.addAttribute("nextUrl", pageUrl(status, applications.page() + 1));
        }
    }

    /** The step a person's role decides; people who decide none (managers, directors, admins) look at the first. */
    static String defaultStatus(ConsoleUser me) {
        if (me.has("GM")) {
            return "PENDING_GM";
        }
        if (me.has("FINANCE")) {
            return "PENDING_FINANCE";
        }
        return "PENDING_SALES";
    }

    private static String queueUrl(String status) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/console/customers/admissions");
        if (status != null && STATUSES.contains(status)) {
            url.queryParam("status", status);
        }
        return url.build().encode().toUriString();
    }

    private static String pageUrl(String status, int page) {
        return UriComponentsBuilder.fromPath("/console/customers/admissions").queryParam("status", status)
                .queryParam("page", page).build().encode().toUriString();
    }
}
