package org.crmsuite.complaint.cases;

import org.crmsuite.platform.identity.Role;

/** CO-4: who handles a case — first-line agent (一级受理人), department manager (二级), director (三级). */
public enum HandlerTier {
    AGENT(Role.AGENT), MANAGER(Role.MANAGER), DIRECTOR(Role.DIRECTOR);

    private final Role role;

    HandlerTier(Role role) {
        this.role = role;
    }

    public Role role() {
        return role;
    }

    public static HandlerTier of(Role role) {
        for (HandlerTier tier : values()) {
            if (tier.role == role) {
                return tier;
            }
        }
        return null;
    }
}
