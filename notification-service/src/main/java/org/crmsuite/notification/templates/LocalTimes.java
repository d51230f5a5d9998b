package org.crmsuite.notification.templates;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Times in a message as its reader reads them (NO-5): events carry instants in UTC ({@code 2026-11-25T10:00:00Z}),
 * which a customer's SMS or an agent's inbox would otherwise show as they are. Every value that is such an instant
 * (with {@code Z} or an offset) is shown in the office's time zone (policy {@code zone}) and the template's language:
 * {@code 2026年11月25日 18:00} or {@code 25 Nov 2026, 18:00}. Dates without a time ({@code 2026-11-30}) and every
 * other value stay as they are; lists of items (a digest's lines) are shown the same way.
 */
public final class LocalTimes {

    private static final Pattern INSTANT = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})");
    private static final DateTimeFormatter CHINESE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm", Locale.CHINA);
    private static final DateTimeFormatter ENGLISH = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    private LocalTimes() {
    }

    /** {@code values} with every instant shown in {@code zone} for a template in {@code locale}. */
    public static Map<String, Object> readable(Map<String, Object> values, String locale, ZoneId zone) {
        DateTimeFormatter format = locale != null && locale.toLowerCase(Locale.ROOT).startsWith("zh") ? CHINESE : ENGLISH;
        return readableMap(values, format, zone);
    }

    private static Map<String, Object> readableMap(Map<?, ?> values, DateTimeFormatter format, ZoneId zone) {
        Map<String, Object> shown = new LinkedHashMap<>();
        values.forEach((key, value) -> shown.put(String.valueOf(key), readableValue(value, format, zone)));
        return shown;
    }

    private static Object readableValue(Object value, DateTimeFormatter format, ZoneId zone) {
        if (value instanceof String text && INSTANT.matcher(text).matches()) {
            try {
                return OffsetDateTime.parse(text).atZoneSameInstant(zone).format(format);
            } catch (DateTimeParseException notATime) {
                return text;
            }
        }
        if (value instanceof Map<?, ?> map) {
            return readableMap(map, format, zone);
        }
        if (value instanceof Collection<?> items) {
            List<Object> shown = new ArrayList<>(items.size());
            items.forEach(item -> shown.add(readableValue(item, format, zone)));
            return shown;
        }
        return value;
    }
}
