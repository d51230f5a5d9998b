package org.crmsuite.console.reception;

import java.util.LinkedHashMap;
import java.util.Map;

import org.crmsuite.console.api.ApiFailure;
import org.crmsuite.console.api.ApiProblem;
import org.crmsuite.console.api.ApiUnavailable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * Problems shown on the reception screen's forms. sales-service names the field of a domain refusal in a top-level
 * {@code field} property rather than in {@code errors[]} (e.g. {@code deposit.customer-blacklisted} is about the
 * customer), so those codes are placed next to their input here; and a value the console cannot read itself never
 * reaches the service.
 */
final class FormProblems {

    /** Domain codes whose refusal is about one input of the deposit forms (docs/sales.md, problem codes). */
    private static final Map<String, String> FIELD_OF_CODE = Map.of(
            "deposit.customer-blacklisted", "customerId",
            "deposit.customer-suspended", "customerId",
            "deposit.customer-archived", "customerId",
            "deposit.customer-not-found", "customerId",
            "deposit.rep-required", "repId",
            "deposit.first-stage", "stage",
            "deposit.stage-backwards", "stage",
            "rota.duplicate-rep", "order",
            "rota.next-not-on-rota", "order");

    private FormProblems() {
    }

    /** The service's problem, with a domain refusal's message put next to the input it is about. */
    static ApiProblem placed(ApiProblem problem) {
        String field = problem.code() == null ? null : FIELD_OF_CODE.get(problem.code());
        if (field == null || problem.messageFor(field) != null) {
            return problem;
        }
        Map<String, String> errors = new LinkedHashMap<>(problem.errors());
        errors.put(field, problem.summary());
        return new ApiProblem(problem.status(), problem.code(), problem.title(), problem.detail(), errors);
    }

    /**
     * A service that refused with 503 (customer-service did not answer a deposit's check, the rota stayed busy): the
     * form stays filled in with the service's words; {@code null} when the gateway itself gave no problem.
     */
    static ApiProblem of(ApiUnavailable unavailable) {
        return unavailable.getCause() instanceof ApiFailure failure && failure.problem().code() != null
                ? failure.problem() : null;
    }

    /** A field the console could not read (a number, a choice that is not offered): refused here, status 422. */
    static ApiProblem local(MessageSource messages, Map<String, String> fieldKeys) {
        Map<String, String> errors = new LinkedHashMap<>();
        fieldKeys.forEach((field, key) -> errors.put(field, message(messages, key)));
        return new ApiProblem(422, "console.invalid", message(messages, "reception.form.invalid"), null, errors);
    }

    static String message(MessageSource messages, String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
