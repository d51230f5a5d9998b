package org.crmsuite.platform.identity;

/** The roles a caller's token may carry (ARCHITECTURE.md, "Caller identity"). */
public enum Role {
    ADMIN, MANAGER, DIRECTOR, SALES, AGENT, DISPATCHER, FINANCE, GM, PARTNER, SERVICE
}
