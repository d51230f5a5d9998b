package org.crmsuite.complaint.cases;

import org.crmsuite.complaint.policy.PerLevel;

/**
 * CO-4 severity: L1 ordinary (a first-line agent can solve it), L2 serious (emotional, a second complaint on the same
 * matter, beyond first-line authority), L3 very serious (reputation or interests at stake: regulator hotline, batch
 * quality complaints, media). The handler tier follows the level.
 */
public enum Level {
    L1(HandlerTier.AGENT), L2(HandlerTier.MANAGER), L3(HandlerTier.DIRECTOR);

    private final HandlerTier tier;

    Level(HandlerTier tier) {
        this.tier = tier;
    }

    /** CO-4: L1 agent, L2 department manager, L3 director. */
    public HandlerTier tier() {
        return tier;
    }

    /** The next level up; L3 stays L3 (above it is the executive meeting, CO-7). */
    public Level next() {
        return this == L3 ? L3 : values()[ordinal() + 1];
    }

    public boolean isTop() {
        return this == L3;
    }

    public Level atLeast(Level other) {
        return other != null && other.ordinal() > ordinal() ? other : this;
    }

    public int of(PerLevel values) {
        return switch (this) {
            case L1 -> values.l1();
            case L2 -> values.l2();
            case L3 -> values.l3();
        };
    }
}
