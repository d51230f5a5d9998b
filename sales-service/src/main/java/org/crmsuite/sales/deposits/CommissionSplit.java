package org.crmsuite.sales.deposits;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.crmsuite.sales.policy.SalesPolicy;
import org.crmsuite.sales.referral.Referral;
import org.crmsuite.sales.registration.Dispute;
import org.crmsuite.sales.registration.Registration;

/**
 * SA-7 commission splits on a signed contract, computed from the customer's history and shown with the rule that
 * produced them. First rule that applies:
 * <ol>
 * <li>the manager's written decision of an ownership dispute that set shares;</li>
 * <li>reassigned after a complaint against the rep → all to the new rep;</li>
 * <li>designated-rep switch approved by the manager → 70 % first rep / 30 % designated (policy);</li>
 * <li>the customer refused the rep owning them within the validity window → 80 % new / 20 % original (policy);</li>
 * <li>spouses received separately by two reps → 50/50, or all to the first receiver (policy);</li>
 * <li>SA-6 referral confirmed on arrival → 30 % referrer / 70 % receiving rep (policy);</li>
 * <li>otherwise all to the rep the deposit credits (SA-9: changes of unit or buyer keep that credit).</li>
 * </ol>
 * A manager may override the result with a reason (kept next to the computed split).
 */
public final class CommissionSplit {

    private CommissionSplit() {
    }

    public record Share(String staffId, int percent, String rule) {
    }

    public record Result(String rule, String explanation, List<Share> shares) {
    }

    /**
     * @param history the buyer's register entries at the office, oldest first
     * @param spouseHistory visit entries of the buyer's spouse at the office, oldest first
     */
    public record Facts(String creditedRepId, List<Registration> history, Set<String> superseded,
            List<Registration> spouseHistory, Optional<Referral> referral, Optional<Dispute> decision) {
    }

    public static Result compute(Facts f, SalesPolicy policy) {
        if (f.decision().isPresent()) {
            Dispute d = f.decision().get();
            List<Share> shares = d.shares().stream().map(s -> new Share(s.staffId(), s.percent(), "SA-7 decision")).toList();
            return new Result("SA-7 decision", "SA-7: the manager's written decision of dispute " + d.getId() + " ("
                    + d.decidedBy() + "): " + d.decision(), merge(shares));
        }
        Optional<Registration> latestOverride = f.history().stream().filter(r -> r.overrides() != null)
                .max(Comparator.comparing(Registration::registeredAt));
        if (latestOverride.isPresent()) {
            Registration o = latestOverride.get();
            switch (o.origin()) {
                case COMPLAINT_REASSIGNMENT -> {
                    return new Result("SA-7 complaint", "SA-7: reassigned from " + o.fromRepId() + " to " + o.repId()
                            + " after a complaint (registration " + o.getId() + "): all to the new rep",
                            List.of(new Share(o.repId(), 100, "SA-7 complaint")));
                }
                case SWITCH -> {
                    int first = policy.switchFirstRepPercent();
                    return new Result("SA-7 switch", "SA-7: switch from " + o.fromRepId() + " to designated " + o.repId()
                            + " approved by " + o.createdBy() + ": " + first + "/" + (100 - first),
                            merge(List.of(new Share(o.fromRepId(), first, "SA-7 switch"),
                                    new Share(o.repId(), 100 - first, "SA-7 switch"))));
                }
                case REFUSAL -> {
                    int fresh = policy.refusalNewRepPercent();
                    return new Result("SA-7 refusal", "SA-7: the customer refused " + o.fromRepId()
                            + " within the validity window and was received by " + o.repId() + ": " + fresh + "/"
                            + (100 - fresh), merge(List.of(new Share(o.repId(), fresh, "SA-7 refusal"),
                                    new Share(o.fromRepId(), 100 - fresh, "SA-7 refusal"))));
                }
                default -> {
                    // a departure or correction changes who is credited, not the split
                }
            }
        }
        Optional<Registration> spouse = f.spouseHistory().stream()
                .filter(r -> r.origin() == Registration.Origin.RECEPTION && !r.repId().equals(f.creditedRepId()))
                .findFirst();
        if (spouse.isPresent()) {
            Registration other = spouse.get();
            if (policy.spouseRule() == SalesPolicy.SpouseRule.SPLIT) {
                return new Result("SA-7 spouses", "SA-7: the spouses were received separately by " + f.creditedRepId()
                        + " and " + other.repId() + ": 50/50 (policy SPLIT)", merge(List.of(
                                new Share(f.creditedRepId(), 50, "SA-7 spouses"), new Share(other.repId(), 50, "SA-7 spouses"))));
            }
            Optional<Registration> buyerFirst = f.history().stream().filter(r -> r.kind() == Registration.Kind.VISIT)
                    .findFirst();
            String first = buyerFirst.isPresent() && buyerFirst.get().registeredAt().isBefore(other.registeredAt())
                    ? f.creditedRepId() : other.repId();
            return new Result("SA-7 spouses", "SA-7: the spouses were received separately; " + first
                    + " received first and takes all (policy FIRST_WINS)", List.of(new Share(first, 100, "SA-7 spouses")));
        }
        if (f.referral().isPresent()) {
            Referral r = f.referral().get();
            int referrer = policy.referrerPercent();
            String receiving = r.receivingRepId() == null ? f.creditedRepId() : r.receivingRepId();
            return new Result("SA-6 referral", "SA-6: referral " + r.getId() + " by " + r.referrerId()
                    + " confirmed on arrival: " + referrer + "% referrer / " + (100 - referrer) + "% receiving rep",
                    merge(List.of(new Share(r.referrerId(), referrer, "SA-6 referral"),
                            new Share(receiving, 100 - referrer, "SA-6 referral"))));
        }
        return new Result("SA-9 credit", "All to " + f.creditedRepId() + ", the rep the deposit credits",
                List.of(new Share(f.creditedRepId(), 100, "SA-9 credit")));
    }

    /** One line per person (a rep who is also the referrer gets both parts); shares of 0 % are dropped. */
    static List<Share> merge(List<Share> shares) {
        Map<String, Share> merged = new LinkedHashMap<>();
        for (Share s : shares) {
            merged.merge(s.staffId(), s, (a, b) -> new Share(a.staffId(), a.percent() + b.percent(), a.rule()));
        }
        List<Share> result = new ArrayList<>();
        merged.values().stream().filter(s -> s.percent() > 0).forEach(result::add);
        return result;
    }
}
