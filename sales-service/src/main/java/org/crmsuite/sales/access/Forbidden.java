package org.crmsuite.sales.access;

import org.crmsuite.platform.web.DomainException;
import org.springframework.http.HttpStatus;

/** 403 {@code access.denied} with a sentence saying which rule refused. */
public final class Forbidden {

    private Forbidden() {
    }

    public static DomainException because(String detail) {
        return new DomainException(HttpStatus.FORBIDDEN, "access.denied", detail);
    }

    public static void unless(boolean allowed, String detail) {
        if (!allowed) {
            throw because(detail);
        }
    }
}
