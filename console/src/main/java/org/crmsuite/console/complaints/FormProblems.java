package org.crmsuite.console.complaints;

import java.util.LinkedHashMap;
import java.util.Map;

import org.crmsuite.console.api.ApiProblem;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the console itself finds wrong in a form before any call (a number or a time it cannot read), in the shape of
 * a service's problem, so the same fragments show it next to the field. Messages in the person's language.
 */
@Component
class FormProblems {

    /** The status of a form the console refused itself: the request was understood, its content was not. */
    static final int UNPROCESSABLE = 422;

    private final MessageSource messages;

    FormProblems(MessageSource messages) {
        this.messages = messages;
    }

    /** Collects field → message key; {@link #problem()} is {@code null} while nothing was found. */
    Collector collector() {
        return new Collector();
    }

    final class Collector {

        private final Map<String, String> errors = new LinkedHashMap<>();

        void reject(String field, String messageKey) {
            errors.putIfAbsent(field, text(messageKey));
        }

        boolean isEmpty() {
            return errors.isEmpty();
        }

        ApiProblem problem() {
            return errors.isEmpty() ? null
                    : new ApiProblem(UNPROCESSABLE, "console.invalid", text("complaints.form.invalid"), null, errors);
        }
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
