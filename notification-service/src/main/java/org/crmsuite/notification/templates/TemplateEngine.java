package org.crmsuite.notification.templates;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.crmsuite.notification.events.NotifiableEvent;
import org.crmsuite.platform.web.DomainException;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;

/**
 * NO-5 rendering with Mustache (JMustache). A template may only use the variables its event type provides
 * ({@link NotifiableEvent#variables()}; inside a list section also the fields of the list's items): anything else is a
 * 400 naming the variable when the template is saved, so nothing renders blank at send time. Partials and delimiter
 * changes are refused (a template is self-contained).
 */
public final class TemplateEngine {

    private static final Pattern TAG = Pattern.compile("\\{\\{(\\{)?\\s*([#^/&!>=]?)\\s*([^}]*?)\\s*(})?}}");
    private static final Mustache.Compiler COMPILER = Mustache.compiler().escapeHTML(false).nullValue("");

    private TemplateEngine() {
    }

    /** Checks syntax and variables of {@code text} (field {@code field} of the request) against {@code event}. */
    public static void validate(String text, String field, NotifiableEvent event) {
        if (text == null) {
            return;
        }
        try {
            COMPILER.compile(text);
        } catch (MustacheException e) {
            throw invalid(field, "template.invalid", "not a valid template: " + e.getMessage(), null);
        }
        Set<String> unknown = new LinkedHashSet<>();
        Deque<String> sections = new ArrayDeque<>();
        Matcher tag = TAG.matcher(text);
        while (tag.find()) {
            String kind = tag.group(2);
            String name = tag.group(3).strip();
            switch (kind) {
                case "!" -> {
                }
                case ">", "=" -> throw invalid(field, "template.invalid", "partials and delimiter changes are not allowed", null);
                case "/" -> {
                    if (!sections.isEmpty()) {
                        sections.pop();
                    }
                }
                case "#", "^" -> {
                    check(name, sections, event, unknown);
                    sections.push(name);
                }
                default -> check(name, sections, event, unknown);
            }
        }
        if (!unknown.isEmpty()) {
            String first = unknown.iterator().next();
            throw invalid(field, "template.unknown-variable", "unknown variable '" + first + "': " + event.type()
                    + " provides " + event.variables(), List.copyOf(unknown));
        }
    }

    private static void check(String name, Deque<String> sections, NotifiableEvent event, Set<String> unknown) {
        if (name.equals(".") || name.equals("this") || name.startsWith("-")) {
            return;
        }
        String head = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        if (event.variables().contains(head)) {
            return;
        }
        for (String section : sections) {
            if (itemFields(event, section).contains(head)) {
                return;
            }
        }
        unknown.add(name);
    }

    /** The fields of the items of a list-valued variable, from the event type's sample. */
    private static Set<String> itemFields(NotifiableEvent event, String listVariable) {
        Object sample = event.sample().get(listVariable);
        Set<String> fields = new LinkedHashSet<>();
        if (sample instanceof Collection<?> items) {
            for (Object item : items) {
                if (item instanceof Map<?, ?> map) {
                    map.keySet().forEach(k -> fields.add(String.valueOf(k)));
                }
            }
        }
        return fields;
    }

    /** Renders {@code text}; every variable of the event type is present (null ones render empty). */
    public static String render(String text, NotifiableEvent event, Map<String, Object> values) {
        if (text == null) {
            return null;
        }
        Map<String, Object> context = new LinkedHashMap<>();
        for (String variable : event.variables()) {
            context.put(variable, null);
        }
        context.putAll(values);
        return COMPILER.compile(text).execute(context);
    }

    private static DomainException invalid(String field, String code, String message, List<String> variables) {
        DomainException e = DomainException.badRequest(code, field + ": " + message)
                .with("errors", List.of(Map.of("field", field, "message", message)));
        if (variables != null) {
            e.with("variables", new ArrayList<>(variables));
        }
        return e;
    }
}
