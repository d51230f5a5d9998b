package org.crmsuite.sales.reception;

import java.time.ZoneId;

import org.crmsuite.sales.registration.OwnershipWindow;
import org.crmsuite.sales.registration.Registration;
import org.crmsuite.sales.rota.Rota;

/**
 * Who receives a walk-in, and why (DOMAIN.md SA-3, SA-5, with SA-1/SA-2 through the rota):
 * <ol>
 * <li>registered to a rep within the validity window (SA-4 first valid registration) → that rep, not a turn;
 * if that rep is not on duty → the last rep in the rota as a courtesy, not a turn, the credit stays with the owner;</li>
 * <li>unless the visitor refuses the owning rep (SA-7 80/20): then as a new customer;</li>
 * <li>a new customer (also one who cannot recall, or whose registration lapsed) naming a rep before substantive
 * reception → that rep if on duty, not a turn (SA-5);</li>
 * <li>otherwise → the rota (SA-1, SA-2).</li>
 * </ol>
 */
final class WalkInDecision {

    private WalkInDecision() {
    }

    enum Path { OWNER, COURTESY, DESIGNATED, ROTA }

    /** @param repId who receives (null: the rota decides) @param refused the owning entry the visitor refused */
    record Plan(Path path, String repId, String creditedRepId, String rule, String reason, String reliedOn,
            Registration refused) {
    }

    static Plan plan(WalkIn walkIn, OwnershipWindow.Finding finding, Rota rota, ZoneId zone) {
        if (finding.owner().isPresent()) {
            Registration owner = finding.owner().get();
            String held = "registered to " + owner.repId() + " on " + owner.registeredAt().atZone(zone).toLocalDate()
                    + ", valid until " + owner.validUntil().atZone(zone).toLocalDate() + " (registration " + owner.getId()
                    + ")";
            if (walkIn.refuses()) {
                Plan asNew = asNew(walkIn, rota, "SA-7: visitor refused " + owner.repId() + ", " + held + "; received as new");
                return new Plan(asNew.path(), asNew.repId(), asNew.creditedRepId(), asNew.rule(), asNew.reason(),
                        owner.getId(), owner);
            }
            if (rota.isOnDuty(owner.repId())) {
                return new Plan(Path.OWNER, owner.repId(), owner.repId(), "SA-3", "SA-3: " + held
                        + "; goes to that rep, not counted as a turn", owner.getId(), null);
            }
            String courtesy = rota.courtesyReceiver().orElse(null);
            return new Plan(Path.COURTESY, courtesy, owner.repId(), "SA-3", "SA-3: " + held + "; " + owner.repId()
                    + " is not on duty, so " + courtesy + " (last rep in the rota) receives as a courtesy, not counted as"
                    + " a turn; the customer stays " + owner.repId() + "'s", owner.getId(), null);
        }
        String history = switch (walkIn.visitedBefore()) {
            case YES -> finding.lapsed().map(l -> "visited before, but registration " + l.getId() + " of " + l.repId()
                    + " lapsed on " + l.validUntil().atZone(zone).toLocalDate() + ": treated as new")
                    .orElse("says they visited before, but no registration is found: treated as new");
            case CANNOT_RECALL -> finding.lapsed().map(l -> "cannot recall; registration " + l.getId() + " lapsed on "
                    + l.validUntil().atZone(zone).toLocalDate() + ": treated as new")
                    .orElse("cannot recall a previous visit and none is registered: treated as new");
            case NO -> finding.lapsed().map(l -> "registration " + l.getId() + " of " + l.repId() + " lapsed on "
                    + l.validUntil().atZone(zone).toLocalDate() + ": new").orElse("new customer");
        };
        return asNew(walkIn, rota, "SA-3: " + history);
    }

    private static Plan asNew(WalkIn walkIn, Rota rota, String history) {
        String designated = walkIn.designatedRepId();
        if (designated != null && !designated.isBlank()) {
            if (rota.isOnDuty(designated)) {
                return new Plan(Path.DESIGNATED, designated, designated, "SA-5", history + "; SA-5: named " + designated
                        + " before reception: goes to that rep, not counted as a turn", null, null);
            }
            return new Plan(Path.ROTA, null, null, null, history + "; SA-5: named " + designated
                    + ", who is not on duty: the rota decides", null, null);
        }
        return new Plan(Path.ROTA, null, null, null, history, null, null);
    }
}
