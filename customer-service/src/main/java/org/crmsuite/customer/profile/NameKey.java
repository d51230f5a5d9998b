package org.crmsuite.customer.profile;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * Normalised forms of a customer's name: {@link #of} for search (full-width folded, lower case, no spaces) and
 * {@link #core} for CU-11's near-duplicate check (also without punctuation and legal-form words such as 有限公司 or
 * "Co., Ltd.").
 */
public final class NameKey {

    private static final List<String> LEGAL_FORMS = List.of("股份有限公司", "有限责任公司", "有限公司", "集团公司", "集团", "公司",
            "corporation", "company", "limited", "corp", "inc", "ltd", "llc", "gmbh", "co");

    private NameKey() {
    }

    public static String of(String name) {
        if (name == null) {
            return "";
        }
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder key = new StringBuilder(folded.length());
        folded.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c)).forEach(key::appendCodePoint);
        return key.toString();
    }

    public static String core(String name) {
        String folded = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder words = new StringBuilder();
        folded.codePoints().forEach(c -> words.appendCodePoint(Character.isLetterOrDigit(c) ? c : ' '));
        String text = " " + words.toString().replaceAll("\\s+", " ").trim() + " ";
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String form : LEGAL_FORMS) {
                String latin = " " + form + " ";
                if (text.endsWith(latin)) {
                    text = text.substring(0, text.length() - latin.length() + 1);
                    changed = true;
                } else if (text.trim().endsWith(form) && !form.chars().allMatch(c -> c < 128)) {
                    String trimmed = text.trim();
                    text = " " + trimmed.substring(0, trimmed.length() - form.length()) + " ";
                    changed = true;
                }
            }
        }
        return text.replace(" ", "");
    }

    /** Similarity of two names' cores, 0..1 (1 − Levenshtein distance / longer length). */
    public static double similarity(String a, String b) {
        String x = core(a);
        String y = core(b);
        if (x.isEmpty() && y.isEmpty()) {
            return 1.0;
        }
        int[] previous = new int[y.length() + 1];
        int[] current = new int[y.length() + 1];
        for (int j = 0; j <= y.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= x.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= y.length(); j++) {
                int cost = x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return 1.0 - (double) previous[y.length()] / Math.max(x.length(), y.length());
    }
}
