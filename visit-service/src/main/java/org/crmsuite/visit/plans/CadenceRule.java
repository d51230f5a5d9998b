package org.crmsuite.visit.plans;

import java.util.ArrayList;
import java.util.List;

import org.crmsuite.visit.customers.Category;
import org.crmsuite.visit.customers.CustomerView;
import org.crmsuite.visit.customers.Grade;
import org.crmsuite.visit.policy.CadencePolicy;

/**
 * VI-1 Cadence (回访频率): how often a customer is visited. Key customers quarterly, general half-yearly, potential
 * yearly (by category); VIP and preferred big customers monthly (by grade); out-of-town partners at least
 * half-yearly; A-class partners also get a yearly visit by senior management. The shortest applicable interval wins
 * for the regular visits; the senior-management visit is a second track. All numbers come from the policy table.
 */
public final class CadenceRule {

    private CadenceRule() {
    }

    /** One track of visits every {@code months} months, with the reason a person reads on the plan. */
    public record Cadence(Track track, int months, String reason) {
    }

    public static List<Cadence> cadencesFor(CustomerView customer, CadencePolicy policy) {
        List<Cadence> cadences = new ArrayList<>();
        if (customer.getCategory() == null) {
            return cadences;
        }
        int months = byCategory(customer.getCategory(), policy);
        String reason = "VI-1 " + customer.getCategory().name().toLowerCase() + " customer: " + every(months);
        int byGrade = byGrade(customer.getGrade(), policy);
        if (byGrade > 0 && byGrade < months) {
            months = byGrade;
            reason = "VI-1 " + customer.getGrade().name() + " customer: " + every(months);
        }
        if (customer.isOutOfTown(policy.homeRegions()) && policy.outOfTownMaxMonths() < months) {
            months = policy.outOfTownMaxMonths();
            reason = "VI-1 out-of-town partner (" + customer.getRegion() + "): at least " + every(months);
        }
        cadences.add(new Cadence(Track.REGULAR, months, reason));
        if (customer.getGrade() != null && policy.seniorManagementGrades().contains(customer.getGrade())) {
            cadences.add(new Cadence(Track.SENIOR_MANAGEMENT, policy.seniorManagementMonths(),
                    "VI-1 A-class partner (" + customer.getGrade().name() + "): senior management visit "
                            + every(policy.seniorManagementMonths())));
        }
        return cadences;
    }

    static String every(int months) {
        return switch (months) {
            case 1 -> "monthly";
            case 3 -> "quarterly";
            case 6 -> "half-yearly";
            case 12 -> "yearly";
            default -> "every " + months + " months";
        };
    }

    static int byCategory(Category category, CadencePolicy policy) {
        return switch (category) {
            case KEY -> policy.categoryMonths().key();
            case GENERAL -> policy.categoryMonths().general();
            case POTENTIAL -> policy.categoryMonths().potential();
        };
    }

    static int byGrade(Grade grade, CadencePolicy policy) {
        if (grade == null) {
            return 0;
        }
        return switch (grade) {
            case VIP -> policy.gradeMonths().vip();
            case PREFERRED -> policy.gradeMonths().preferred();
            case QUALIFIED -> policy.gradeMonths().qualified();
        };
    }
}
