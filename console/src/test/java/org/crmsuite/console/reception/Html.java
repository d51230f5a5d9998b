package org.crmsuite.console.reception;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough HTML reading for the reception tests: an element by id or by an attribute, its attributes and its
 * text. The console's pages are well-formed Thymeleaf output, so a balanced scan of one tag name is reliable here.
 */
final class Html {

    private static final Set<String> VOID = Set.of("input", "br", "meta", "link", "img", "hr");

    private final String html;

    private Html(String html) {
        this.html = html;
    }

    static Html of(String html) {
        return new Html(html);
    }

    /** The element with this id; an empty element when there is none. */
    Html byId(String id) {
        List<Html> found = all("[a-zA-Z][a-zA-Z0-9]*", "id", id);
        return found.isEmpty() ? new Html("") : found.get(0);
    }

    boolean exists() {
        return !html.isEmpty();
    }

    /** The first {@code tag} element (a regex) with {@code attr="value"}; an empty element when there is none. */
    Html first(String tag, String attr, String value) {
        List<Html> found = all(tag, attr, value);
        return found.isEmpty() ? new Html("") : found.get(0);
    }

    /** Every {@code tag} element (a regex) with {@code attr}; with {@code attr="value"} unless value is null. */
    List<Html> all(String tag, String attr, String value) {
        Pattern attribute = Pattern.compile("\\s" + Pattern.quote(attr) + "(?:=\"([^\"]*)\")?(?=[\\s/]|$)");
        Matcher open = Pattern.compile("<(" + tag + ")(\\s[^>]*)?>").matcher(html);
        List<Html> found = new ArrayList<>();
        while (open.find()) {
            Matcher has = attribute.matcher(open.group(2) == null ? "" : open.group(2));
            while (has.find()) {
                if (value == null || value.equals(has.group(1) == null ? "" : unescape(has.group(1)))) {
                    found.add(new Html(element(open.start(), open.group(1))));
                    break;
                }
            }
        }
        return found;
    }

    private String element(int start, String name) {
        int openEnd = html.indexOf('>', start) + 1;
        if (VOID.contains(name.toLowerCase()) || html.charAt(openEnd - 2) == '/') {
            return html.substring(start, openEnd);
        }
        Matcher tags = Pattern.compile("<(/?)" + name + "(?=[\\s>/])[^>]*>").matcher(html);
        int depth = 0;
        int at = start;
        while (tags.find(at)) {
            depth += tags.group(1).isEmpty() ? 1 : -1;
            if (depth == 0) {
                return html.substring(start, tags.end());
            }
            at = tags.end();
        }
        return html.substring(start);
    }

    /** An attribute of the element's opening tag, unescaped; {@code null} when absent. */
    String attr(String name) {
        int end = html.indexOf('>');
        if (end < 0) {
            return null;
        }
        Matcher value = Pattern.compile("\\s" + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(html.substring(0, end));
        return value.find() ? unescape(value.group(1)) : null;
    }

    /** The text a person reads: tags removed, entities resolved, white space collapsed. */
    String text() {
        return unescape(html.replaceAll("<[^>]*>", " ")).replaceAll("\\s+", " ").trim();
    }

    @Override
    public String toString() {
        return html;
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&#x27;", "'").replace("&amp;", "&");
    }
}
