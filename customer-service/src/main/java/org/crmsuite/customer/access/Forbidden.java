package org.crmsuite.customer.access;

import org.crmsuite.platform.identity.Caller;
import org.crmsuite.platform.identity.Role;
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

    /** Any member of staff or a service; partner systems and role-less tokens are refused. */
    public static void unlessStaff(Caller caller) {
        unless(caller.hasAny(Role.ADMIN, Role.GM, Role.DIRECTOR, Role.MANAGER, Role.SALES, Role.AGENT, Role.DISPATCHER,
                Role.FINANCE, Role.SERVICE), "Only staff and services read customer data");
    }
}
