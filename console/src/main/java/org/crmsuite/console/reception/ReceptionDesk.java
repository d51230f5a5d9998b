package org.crmsuite.console.reception;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.crmsuite.console.api.ApiFailure;
import org.crmsuite.console.api.ApiUnavailable;
import org.crmsuite.console.api.GatewayApi;
import org.crmsuite.console.security.ConsoleUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What every part of the reception screen needs: which office the person works at, the office's "today", and the
 * names of the department's people (the rota and the walk-in answer speak in staff ids).
 */
@Component
class ReceptionDesk {

    private static final Logger log = LoggerFactory.getLogger(ReceptionDesk.class);

    private final GatewayApi api;
    private final Clock clock;
    private final ZoneId zone;

    ReceptionDesk(GatewayApi api, Clock clock,
            // sales-service's crm.sales.zone: the rota of "today" is the offices' day, not the server's
            @Value("${crm.console.reception.zone:Asia/Shanghai}") ZoneId zone) {
        this.api = api;
        this.clock = clock;
        this.zone = zone;
    }

    List<Office> offices() {
        return api.getList("/api/v1/reception/offices").stream().map(Office::of).toList();
    }

    Office office(String officeId) {
        return Office.of(api.getMap("/api/v1/reception/offices/{o}", officeId));
    }

    /**
     * The offices this person works at: their own department's; someone without one (a director, finance) chooses
     * among all. {@code null} when sales-service knows no office at all.
     */
    static Office choose(List<Office> all, ConsoleUser me, String requested) {
        List<Office> own = all.stream().filter(o -> o.departmentId() != null && o.departmentId().equals(me.department()))
                .toList();
        List<Office> candidates = own.isEmpty() ? all : own;
        if (requested != null) {
            // any office the service listed: whether the person may read it is the service's decision
            for (Office office : all) {
                if (office.id().equals(requested)) {
                    return office;
                }
            }
        }
        return candidates.isEmpty() ? null : candidates.get(0);
    }

    static List<Office> choices(List<Office> all, ConsoleUser me) {
        List<Office> own = all.stream().filter(o -> o.departmentId() != null && o.departmentId().equals(me.department()))
                .toList();
        return own.isEmpty() ? all : own;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /**
     * Staff id → display name for the department, from identity's directory. Only decoration: when the directory
     * cannot answer, the screen shows the ids the services gave.
     */
    Map<String, String> names(String departmentId) {
        Map<String, String> names = new LinkedHashMap<>();
        if (departmentId == null) {
            return names;
        }
        try {
            Map<String, Object> page = api.getMap("/api/v1/departments/{d}/staff?size=200", departmentId);
            if (page != null && page.get("items") instanceof List<?> items) {
                for (Object item : items) {
                    if (item instanceof Map<?, ?> person && person.get("id") != null) {
                        names.put(String.valueOf(person.get("id")),
                                String.valueOf(person.get("name") != null ? person.get("name") : person.get("id")));
                    }
                }
            }
        } catch (ApiFailure | ApiUnavailable e) {
            log.debug("staff names of {} not available: {}", departmentId, e.getMessage());
        }
        return names;
    }

    /** A fresh key for a form: the same form sent twice (double click, retry) is one walk-in, one deposit. */
    static String newKey() {
        return UUID.randomUUID().toString();
    }
}
