package org.crmsuite.platform.web;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.springframework.http.converter.HttpMessageNotReadableException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Names the field a malformed JSON body got wrong, without echoing parser internals to the client. */
final class MalformedBody {

    private MalformedBody() {
    }

    static String fieldOf(HttpMessageNotReadableException ex) {
        if (!(ex.getCause() instanceof JacksonException jackson) || jackson.getPath().isEmpty()) {
            return null;
        }
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : jackson.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }

    static String reasonOf(HttpMessageNotReadableException ex) {
        if (ex.getCause() instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        if (ex.getCause() instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            Class<?> target = mismatch.getTargetType();
            String message = String.valueOf(mismatch.getOriginalMessage());
            if (target.isPrimitive() && (message.contains("null") || message.contains("Missing"))) {
                return "is required";
            }
            if (target.isEnum()) {
                return "must be one of " + Arrays.stream(target.getEnumConstants()).map(String::valueOf)
                        .collect(Collectors.joining(", ", "[", "]"));
            }
            return "must be a valid " + target.getSimpleName();
        }
        return "has an invalid value";
    }
}
