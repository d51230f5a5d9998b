package org.crmsuite.console.customers;

import java.util.LinkedHashMap;
import java.util.Map;

import org.crmsuite.console.api.ApiProblem;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Values the console cannot even send (an unknown grade in a hand-edited address, a page that is no number): shown
 * next to their fields in the same shape as a service's problem, without calling the API.
 */
@Component
class CustomerFormProblems {

    /** The status of a form the console re-renders with its own field errors. */
    static final int UNPROCESSABLE = 422;

    private final MessageSource messages;

    CustomerFormProblems(MessageSource messages) {
        this.messages = messages;
    }

    /** {@code errors}: field → message key of customers.properties. */
    ApiProblem invalid(Map<String, String> errors) {
        var locale = LocaleContextHolder.getLocale();
        Map<String, String> texts = new LinkedHashMap<>();
        errors.forEach((field, key) -> texts.put(field, messages.getMessage(key, null, key, locale)));
        return new ApiProblem(UNPROCESSABLE, "console.invalid",
                messages.getMessage("customers.form.invalid", null, "Please correct the marked fields", locale), null,
                texts);
    }
}
