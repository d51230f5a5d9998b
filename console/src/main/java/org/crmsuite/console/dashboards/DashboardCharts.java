package org.crmsuite.console.dashboards;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.crmsuite.console.dashboards.ServiceReports.ComplaintReport;
import org.crmsuite.console.dashboards.ServiceReports.ComplaintSummary;
import org.crmsuite.console.dashboards.ServiceReports.OnTime;
import org.crmsuite.console.dashboards.ServiceReports.ReceptionStatistics;
import org.crmsuite.console.dashboards.ServiceReports.StatisticsRow;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the services' reports into what a dashboard shows twice: a Chart.js config (JSON for the canvas's
 * {@code data-chart}, drawn by console.js) and the same figures as table rows under it, for screen readers, for
 * people who want the numbers, and for tests. Labels are translated here because the chart's JSON carries them.
 */
@Component
class DashboardCharts {

    /** CO-2's categories in the documented order, so every month shows the same bars (an unknown key goes last). */
    static final List<String> CATEGORIES = List.of("PRODUCT_QUALITY", "SERVICE_ATTITUDE", "DELIVERY", "ORDER_MISMATCH",
            "POLICY", "OTHER");
    /** CO-4 levels. */
    static final List<String> LEVELS = List.of("L1", "L2", "L3");
    /** CO-3/CO-5 deadline kinds, in the order a case meets them. */
    static final List<String> DEADLINES = List.of("ACKNOWLEDGE", "ACCEPT", "RESOLVE");
    /** CO-7 ratings: 1 very satisfied … 5 very dissatisfied, and "customer unreachable". */
    static final List<String> RATINGS = List.of("1", "2", "3", "4", "5", "UNREACHABLE");

    // console.css's palette (accent, ok, warn, bad, muted), so charts match the rest of the page
    private static final String ACCENT = "#0b5cad";
    private static final String OK = "#1f7a3d";
    private static final String WARN = "#a15c00";
    private static final String BAD = "#b3261e";
    private static final String MUTED = "#5b6575";

    private final JsonMapper json;
    private final MessageSource messages;

    DashboardCharts(JsonMapper json, MessageSource messages) {
        this.json = json;
        this.messages = messages;
    }

    /** A count and its share of the whole, e.g. one category's complaints. */
    record CountRow(String key, String label, long count, String share) {
    }

    /** One deadline kind's punctuality (CO-9 on-time rate). */
    record OnTimeRow(String kind, String label, long onTime, long late, String rate) {
    }

    /** One rep's (or the total's) reception figures (SA-10). */
    record ConversionRow(String key, long visitors, long calls, long deposits, long contracts, String depositConversion,
            String contractConversion) {
    }

    /** The four complaint charts of one month, all from one CO-9 summary. */
    record ComplaintCharts(LocalDate firstDay, LocalDate lastDay, String departmentId, long total, long open, long closed,
            String categoryChart, List<CountRow> categories, String levelChart, List<CountRow> levels,
            String onTimeChart, List<OnTimeRow> onTime, String satisfactionChart, List<CountRow> ratings,
            String satisfiedShare) {
    }

    /** The reception conversion chart of one month; {@code offices} empty = no office in the caller's scope. */
    record ConversionChart(LocalDate from, LocalDate to, List<String> offices, String chart, List<ConversionRow> reps,
            ConversionRow total) {
    }

    ComplaintCharts complaints(ComplaintReport report) {
        ComplaintSummary summary = report.summary() != null ? report.summary()
                : new ComplaintSummary(0, 0, 0, null, null, null, null, null);
        Locale locale = LocaleContextHolder.getLocale();

        List<CountRow> categories = counts(summary.byCategory(), CATEGORIES, "dashboards.category.", summary.total());
        List<CountRow> levels = counts(summary.byLevel(), LEVELS, "dashboards.level.", summary.total());

        List<OnTimeRow> onTime = new ArrayList<>();
        for (String kind : keys(summary.onTime().keySet(), DEADLINES)) {
            OnTime figures = summary.onTime().getOrDefault(kind, new OnTime(0, 0, null));
            onTime.add(new OnTimeRow(kind, label("dashboards.deadline.", kind), figures.onTime(), figures.late(),
                    percent(figures.rate(), locale)));
        }

        long rated = summary.ratings().values().stream().mapToLong(Long::longValue).sum();
        List<CountRow> ratings = counts(summary.ratings(), RATINGS, "dashboards.rating.", rated);

        String categoryChart = bar(categories.stream().map(CountRow::label).toList(),
                List.of(dataset(text("dashboards.complaints"), categories.stream().map(CountRow::count).toList(), ACCENT)),
                false);
        Map<String, Object> levelData = dataset(text("dashboards.complaints"),
                levels.stream().map(CountRow::count).toList(), levelColours(levels));
        String levelChart = write(chart("doughnut", levels.stream().map(CountRow::label).toList(), List.of(levelData),
                Map.of("plugins", Map.of("legend", Map.of("position", "bottom")))));
        String onTimeChart = write(chart("bar", onTime.stream().map(OnTimeRow::label).toList(),
                List.of(dataset(text("dashboards.onTime.dataset"), onTime.stream()
                        .map(row -> chartPercent(summary.onTime().getOrDefault(row.kind(), new OnTime(0, 0, null)).rate()))
                        .toList(), OK)),
                Map.of("plugins", Map.of("legend", Map.of("display", false)),
                        "scales", Map.of("y", Map.of("min", 0, "max", 100)))));
        String satisfactionChart = bar(ratings.stream().map(CountRow::label).toList(),
                List.of(dataset(text("dashboards.satisfaction.dataset"), ratings.stream().map(CountRow::count).toList(),
                        ratings.stream().map(row -> ratingColour(row.key())).toList())),
                false);

        return new ComplaintCharts(report.firstDay(), report.lastDay(), report.departmentId(), summary.total(),
                summary.open(), summary.closed(), categoryChart, categories, levelChart, levels, onTimeChart, onTime,
                satisfactionChart, ratings, percent(summary.satisfiedShare(), locale));
    }

    ConversionChart conversion(ReceptionStatistics statistics) {
        Locale locale = LocaleContextHolder.getLocale();
        List<ConversionRow> reps = statistics.perRep().stream().map(row -> conversionRow(row, locale)).toList();
        ConversionRow total = statistics.total() == null ? null : conversionRow(statistics.total(), locale);
        String chart = bar(reps.stream().map(ConversionRow::key).toList(), List.of(
                dataset(text("dashboards.conversion.deposit"), statistics.perRep().stream()
                        .map(row -> chartPercent(row.depositConversionPercent())).toList(), ACCENT),
                dataset(text("dashboards.conversion.contract"), statistics.perRep().stream()
                        .map(row -> chartPercent(row.contractConversionPercent())).toList(), OK)),
                true);
        return new ConversionChart(statistics.from(), statistics.to(), statistics.officeIds(), chart, reps, total);
    }

    private ConversionRow conversionRow(StatisticsRow row, Locale locale) {
        return new ConversionRow(row.key(), row.visitors(), row.calls(), row.deposits(), row.contracts(),
                percentOfHundred(row.depositConversionPercent(), locale),
                percentOfHundred(row.contractConversionPercent(), locale));
    }

    /** The known keys in their order (zero when absent), then whatever else the service counted. */
    private List<CountRow> counts(Map<String, Long> counts, List<String> known, String labelPrefix, long whole) {
        Locale locale = LocaleContextHolder.getLocale();
        List<CountRow> rows = new ArrayList<>();
        for (String key : keys(counts.keySet(), known)) {
            long count = counts.getOrDefault(key, 0L);
            rows.add(new CountRow(key, label(labelPrefix, key), count,
                    percent(whole == 0 ? null : (double) count / whole, locale)));
        }
        return rows;
    }

    private static List<String> keys(Set<String> reported, List<String> known) {
        Set<String> keys = new LinkedHashSet<>(known);
        keys.addAll(reported);
        return List.copyOf(keys);
    }

    private String bar(List<String> labels, List<Map<String, Object>> datasets, boolean legend) {
        return write(chart("bar", labels, datasets, Map.of(
                "plugins", Map.of("legend", Map.of("display", legend)),
                "scales", Map.of("y", Map.of("beginAtZero", true, "ticks", Map.of("precision", 0))))));
    }

    private static Map<String, Object> chart(String type, List<String> labels, List<Map<String, Object>> datasets,
            Map<String, Object> options) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("labels", labels);
        data.put("datasets", datasets);
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("type", type);
        chart.put("data", data);
        chart.put("options", options);
        return chart;
    }

    private static Map<String, Object> dataset(String label, List<?> values, Object colour) {
        Map<String, Object> dataset = new LinkedHashMap<>();
        dataset.put("label", label);
        dataset.put("data", values);
        dataset.put("backgroundColor", colour);
        return dataset;
    }

    private static List<String> levelColours(List<CountRow> levels) {
        return levels.stream().map(row -> switch (row.key()) {
            case "L1" -> OK;
            case "L2" -> WARN;
            case "L3" -> BAD;
            default -> MUTED;
        }).toList();
    }

    /** CO-7: 1–3 close the case (satisfied enough), 4–5 escalate it, unreachable is neither. */
    private static String ratingColour(String rating) {
        return switch (rating) {
            case "1", "2", "3" -> OK;
            case "4", "5" -> BAD;
            default -> MUTED;
        };
    }

    private String write(Object config) {
        return json.writeValueAsString(config);
    }

    private String label(String prefix, String key) {
        return messages.getMessage(prefix + key, null, key, LocaleContextHolder.getLocale());
    }

    private String text(String code) {
        return messages.getMessage(code, null, code, LocaleContextHolder.getLocale());
    }

    /** A share (0–1) for a person; "–" while there is nothing to divide. */
    static String percent(Double fraction, Locale locale) {
        if (fraction == null) {
            return "–";
        }
        NumberFormat format = NumberFormat.getPercentInstance(locale);
        format.setMaximumFractionDigits(1);
        return format.format(fraction);
    }

    private static String percentOfHundred(BigDecimal percent, Locale locale) {
        return percent == null ? "–" : percent(percent.doubleValue() / 100, locale);
    }

    /** A share (0–1) as the chart's percentage with one decimal; null leaves the bar out. */
    private static BigDecimal chartPercent(Double fraction) {
        return fraction == null ? null : BigDecimal.valueOf(fraction * 100).setScale(1, RoundingMode.HALF_UP);
    }

    private static BigDecimal chartPercent(BigDecimal percent) {
        return percent == null ? null : percent.setScale(1, RoundingMode.HALF_UP);
    }
}
