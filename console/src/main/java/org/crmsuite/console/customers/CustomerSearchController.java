package org.crmsuite.console.customers;

import java.util.Map;

import org.crmsuite.console.api.ApiFailure;
import org.crmsuite.console.api.ApiUnavailable;
import org.crmsuite.console.api.GatewayApi;
import org.crmsuite.console.customers.CustomerViews.CustomerSummary;
import org.crmsuite.console.customers.CustomerViews.ListPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Customer search (CU-1): name, registration number, phone, owner, department and the classifications, a page at a
 * time, each result leading to the customer's 360 page. What a person finds and how much of it is readable is the
 * service's answer for them (CU-3: sales reps and managers their own department, masked where they may not see).
 */
@Controller
class CustomerSearchController {

    static final int PAGE_SIZE = 20;
    private static final ParameterizedTypeReference<ListPage<CustomerSummary>> SUMMARIES = new ParameterizedTypeReference<>() {
    };
    private static final Logger log = LoggerFactory.getLogger(CustomerSearchController.class);

    private final GatewayApi api;
    private final CustomerFormProblems problems;

    CustomerSearchController(GatewayApi api, CustomerFormProblems problems) {
        this.api = api;
        this.problems = problems;
    }

    /** The form stays usable whatever the service answers: a refusal beside the fields, an outage in the results. */
    @GetMapping({ "/console/customers", "/console/customers/" })
    String search(@ModelAttribute("form") SearchForm form, Model model, HttpServletResponse response) {
        addChoices(model);
        Map<String, String> invalid = form.invalid();
        if (!invalid.isEmpty()) {
            model.addAttribute("problem", problems.invalid(invalid));
            response.setStatus(CustomerFormProblems.UNPROCESSABLE);
            return "customers/search";
        }
        try {
            ApiQuery query = form.apiQuery(PAGE_SIZE);
            ListPage<CustomerSummary> results = api.get(query.template(), SUMMARIES, query.values());
            model.addAttribute("results", results);
            model.addAttribute("anyMasked", results.items().stream().anyMatch(CustomerSummary::masked));
            if (results.hasPrevious()) {
                model.addAttribute("previousUrl", form.pageUrl(results.page() - 1));
            }
            if (results.hasNext()) {
                model.addAttribute("nextUrl", form.pageUrl(results.page() + 1));
            }
        } catch (ApiFailure refused) {
            if (refused.status() >= 500) {
                throw refused;
            }
            model.addAttribute("problem", refused.problem());
            response.setStatus(refused.status());
        } catch (ApiUnavailable down) {
            log.warn("customer search degraded: {}", down.getMessage());
            model.addAttribute("resultsUnavailable", true);
        }
        return "customers/search";
    }

    private static void addChoices(Model model) {
        model.addAttribute("nameMatches", SearchForm.NAME_MATCHES);
        model.addAttribute("categories", SearchForm.CATEGORIES);
        model.addAttribute("grades", SearchForm.GRADES);
        model.addAttribute("tiers", SearchForm.TIERS);
        model.addAttribute("statuses", SearchForm.STATUSES);
        model.addAttribute("sorts", SearchForm.SORTS);
        model.addAttribute("searchFields", SearchForm.FIELDS);
    }
}
