package org.crmsuite.console.reception;

import java.util.Map;

import org.crmsuite.console.security.ConsoleUser;

/**
 * A sales office as sales-service describes it ({@code GET /api/v1/reception/offices}): the reception desk of one
 * project, run by one department. (The view types of this package are package-private; the methods templates call
 * are public, as SpEL only calls public methods.)
 */
record Office(String id, String name, String departmentId, String projectId, String projectName) {

    static Office of(Map<String, Object> json) {
        return new Office(text(json.get("id")), text(json.get("name")), text(json.get("departmentId")),
                text(json.get("projectId")), text(json.get("projectName")));
    }

    /** The office's own front desk: its sales reps and its manager receive visitors and take deposits (SA-9). */
    public boolean frontDesk(ConsoleUser me) {
        return me != null && me.any("SALES", "MANAGER") && departmentId != null && departmentId.equals(me.department());
    }

    /** Only the manager of the office's department sets the rota and marks absences (SA-1, SA-2). */
    public boolean managedBy(ConsoleUser me) {
        return me != null && me.has("MANAGER") && departmentId != null && departmentId.equals(me.department());
    }

    /** Who may read the day's rota (docs/security.md): the office's staff and the company-wide readers. */
    public boolean rotaReadableBy(ConsoleUser me) {
        return frontDesk(me) || (me != null && me.any("ADMIN", "GM", "DIRECTOR"));
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
