package org.crmsuite.customer.web;

/**
 * Client text in a MongoDB regular expression is always literal: every character that is not a letter or digit is
 * escaped, so {@code .*}, {@code ^}, {@code (?i)} or {@code {"$gt": ""}} match themselves and nothing else. (Equality
 * filters need nothing: a String parameter is compared as a value and never read as an operator.)
 */
public final class Literal {

    private Literal() {
    }

    public static String regex(String text) {
        StringBuilder out = new StringBuilder(text.length() * 2);
        text.codePoints().forEach(c -> {
            if (c < 128 && !Character.isLetterOrDigit(c)) {
                out.append('\\');
            }
            out.appendCodePoint(c);
        });
        return out.toString();
    }
}
