package org.crmsuite.console.customers;

import java.util.List;

import org.crmsuite.console.api.ApiFailure;
import org.crmsuite.console.api.GatewayApi;
import org.crmsuite.console.customers.CustomerViews.Complaint;
import org.crmsuite.console.customers.CustomerViews.Contact;
import org.crmsuite.console.customers.CustomerViews.Cooperation;
import org.crmsuite.console.customers.CustomerViews.CustomerProfile;
import org.crmsuite.console.customers.CustomerViews.History;
import org.crmsuite.console.customers.CustomerViews.ListPage;
import org.crmsuite.console.customers.CustomerViews.Project;
import org.crmsuite.console.customers.CustomerViews.VisitPlan;
import org.crmsuite.console.customers.CustomerViews.VisitRecord;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Customer 360: one customer's profile, classification history, contacts, projects, visits, complaints and
 * cooperation history. The page itself calls nothing; each part loads on its own (htmx), so a service that is down
 * or a part the person may not read leaves the other parts as they are. Everything is shown as the API answers this
 * person: masked data stays masked (CU-3 — the console never unmasks), and a part the service refuses to their role
 * says so instead of failing the page.
 */
@Controller
class Customer360Controller {

    /** Change history entries read for the classification history; a customer with more shows the newest ones. */
    static final int HISTORY_SCAN = 200;
    /** The customer's newest complaints shown (complaint-service filters by customerId; the rest are counted). */
    static final int COMPLAINTS_SHOWN = 20;
    static final int VISITS_SHOWN = 20;
    static final int COOPERATIONS_PER_PAGE = 10;

    private static final ParameterizedTypeReference<List<Contact>> CONTACTS = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<Project>> PROJECTS = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<ListPage<VisitRecord>> VISITS = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<ListPage<VisitPlan>> PLANS = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<ListPage<Complaint>> COMPLAINTS = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<ListPage<Cooperation>> COOPERATIONS = new ParameterizedTypeReference<>() {
    };

    private final GatewayApi api;

    Customer360Controller(GatewayApi api) {
        this.api = api;
    }

    @GetMapping("/console/customers/{id}")
    String page(@PathVariable String id, Model model) {
        model.addAttribute("customerId", id);
        return "customers/customer";
    }

    @GetMapping("/console/customers/{id}/profile")
    String profile(@PathVariable String id, Model model) {
        model.addAttribute("c", api.get("/api/v1/customers/{id}", CustomerProfile.class, id));
        return "customers/parts :: profile";
    }

    /** CU-4/CU-6 from the CU-2 history, which the service gives only to those who may see the full profile (CU-3). */
    @GetMapping("/console/customers/{id}/classification")
    String classification(@PathVariable String id, Model model) {
        try {
            ApiQuery query = ApiQuery.of("/api/v1/customers/{id}/history", id).param("size", HISTORY_SCAN);
            History history = api.get(query.template(), History.class, query.values());
            model.addAttribute("changes", ClassificationHistory.of(history.changes()));
            model.addAttribute("truncated", history.totalItems() > history.changes().size());
            return "customers/parts :: classification";
        } catch (ApiFailure refused) {
            return restricted(refused, model);
        }
    }

    @GetMapping("/console/customers/{id}/contacts")
    String contacts(@PathVariable String id, Model model) {
        List<Contact> contacts = api.get("/api/v1/customers/{id}/contacts", CONTACTS, id);
        model.addAttribute("contacts", contacts);
        model.addAttribute("anyMasked", contacts.stream().anyMatch(Contact::masked));
        return "customers/parts :: contacts";
    }

    @GetMapping("/console/customers/{id}/projects")
    String projects(@PathVariable String id, Model model) {
        model.addAttribute("projects", api.get("/api/v1/customers/{id}/projects", PROJECTS, id));
        return "customers/parts :: projects";
    }

    /** Recorded visits, newest first, and the plans still open, soonest deadline first (visit-service). */
    @GetMapping("/console/customers/{id}/visits")
    String visits(@PathVariable String id, Model model) {
        try {
            ApiQuery records = ApiQuery.of("/api/v1/visits").param("customerId", id).param("size", VISITS_SHOWN);
            ApiQuery plans = ApiQuery.of("/api/v1/visit-plans").param("customerId", id).param("status", "PLANNED")
                    .param("size", VISITS_SHOWN);
            model.addAttribute("visits", api.get(records.template(), VISITS, records.values()));
            model.addAttribute("plans", api.get(plans.template(), PLANS, plans.values()));
            return "customers/parts :: visits";
        } catch (ApiFailure refused) {
            return restricted(refused, model);
        }
    }

    @GetMapping("/console/customers/{id}/complaints")
    String complaints(@PathVariable String id, Model model) {
        try {
            ApiQuery query = ApiQuery.of("/api/v1/complaints").param("customerId", id).param("sort", "receivedAt,desc")
                    .param("size", COMPLAINTS_SHOWN);
            ListPage<Complaint> recent = api.get(query.template(), COMPLAINTS, query.values());
            // the filter is the service's; kept here too, so another customer's case can never appear on this page
            model.addAttribute("complaints", recent.items().stream().filter(c -> c.of(id)).toList());
            model.addAttribute("scanned", recent.count());
            model.addAttribute("truncated", recent.count() > recent.items().size());
            return "customers/parts :: complaints";
        } catch (ApiFailure refused) {
            return restricted(refused, model);
        }
    }

    @GetMapping("/console/customers/{id}/cooperations")
    String cooperations(@PathVariable String id, @RequestParam(defaultValue = "0") String page, Model model) {
        ApiQuery query = ApiQuery.of("/api/v1/customers/{id}/cooperations", id).param("page", ApiQuery.pageNumber(page))
                .param("size", COOPERATIONS_PER_PAGE);
        model.addAttribute("cooperations", api.get(query.template(), COOPERATIONS, query.values()));
        model.addAttribute("customerId", id);
        return "customers/parts :: cooperation";
    }

    /**
     * A part the service refuses to this person's role (403) says so where it would have been; any other refusal
     * is the service's problem, shown by ConsoleErrors.
     */
    private static String restricted(ApiFailure refused, Model model) {
        if (refused.status() != HttpStatus.FORBIDDEN.value()) {
            throw refused;
        }
        model.addAttribute("refusal", refused.problem());
        return "customers/parts :: restricted";
    }
}
