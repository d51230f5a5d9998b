package org.crmsuite.visit.web;

import java.util.List;

import org.crmsuite.platform.web.DomainException;
import org.crmsuite.platform.web.Problems;

/** 400 {@code request.invalid} naming the field, for checks Bean Validation cannot express. */
public final class Invalid {

    private Invalid() {
    }

    public static DomainException field(String field, String message) {
        return DomainException.badRequest("request.invalid", "The request has invalid fields: " + field)
                .with("errors", List.of(new Problems.FieldError(field, message)));
    }
}
