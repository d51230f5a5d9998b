package org.crmsuite.complaint.cases;

/**
 * CO-7 closure and satisfaction: on resolution the customer rates 1–5 (very satisfied, satisfied, acceptable,
 * dissatisfied, very dissatisfied). 1–3 close the case; 4–5 escalate it automatically to the next level; an L3 case
 * rated 4–5 goes to the executive meeting and stays open. A case may not close without a rating, which may be
 * "customer unreachable".
 */
public final class SatisfactionRating {

    public static final int BEST = 1;
    public static final int WORST = 5;
    /** From this score up the customer is dissatisfied and the case escalates instead of closing. */
    public static final int DISSATISFIED_FROM = 4;

    private SatisfactionRating() {
    }

    public static boolean dissatisfied(int score) {
        return score >= DISSATISFIED_FROM;
    }

    public static String label(int score) {
        return switch (score) {
            case 1 -> "very satisfied";
            case 2 -> "satisfied";
            case 3 -> "acceptable";
            case 4 -> "dissatisfied";
            case 5 -> "very dissatisfied";
            default -> throw new IllegalArgumentException("a rating is 1 to 5, not " + score);
        };
    }
}
