package org.crmsuite.visit.records;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * VI-4 Visit report scores (走访报告单): product quality, service attitude and product reputation are rated on named
 * scales. From best to worst the labels score 100, 90, 85, 80, 70, 60, 50 — except on the service attitude scale,
 * where "poor" is 30 and "terrible" 0. The report's overall score is the mean of the three.
 */
public final class ScoreScale {

    /** The three rated dimensions, with the request field that carries each. */
    public enum Dimension {
        PRODUCT_QUALITY("productQuality", "产品质量 product quality"),
        SERVICE_ATTITUDE("serviceAttitude", "服务态度 service attitude"),
        PRODUCT_REPUTATION("productReputation", "产品信誉 product reputation");

        private final String field;
        private final String title;

        Dimension(String field, String title) {
            this.field = field;
            this.title = title;
        }

        public String field() {
            return field;
        }

        public String title() {
            return title;
        }
    }

    /** One named level of a scale. */
    public record Level(String label, String name, int score) {
    }

    private static final List<Level> STANDARD = List.of(
            new Level("EXCELLENT", "优秀 excellent", 100),
            new Level("VERY_GOOD", "很好 very good", 90),
            new Level("GOOD", "好 good", 85),
            new Level("FAIR", "较好 fair", 80),
            new Level("AVERAGE", "一般 average", 70),
            new Level("BELOW_AVERAGE", "较差 below average", 60),
            new Level("POOR", "差 poor", 50));

    private static final List<Level> SERVICE = List.of(
            new Level("EXCELLENT", "优秀 excellent", 100),
            new Level("VERY_GOOD", "很好 very good", 90),
            new Level("GOOD", "好 good", 85),
            new Level("FAIR", "较好 fair", 80),
            new Level("AVERAGE", "一般 average", 70),
            new Level("BELOW_AVERAGE", "较差 below average", 60),
            new Level("POOR", "差 poor", 30),
            new Level("TERRIBLE", "极差 terrible", 0));

    private ScoreScale() {
    }

    /** The levels of a dimension's scale, best first. */
    public static List<Level> levels(Dimension dimension) {
        return dimension == Dimension.SERVICE_ATTITUDE ? SERVICE : STANDARD;
    }

    public static List<String> labels(Dimension dimension) {
        return levels(dimension).stream().map(Level::label).toList();
    }

    /** The level a label names (case, spaces and hyphens do not matter); empty for a label the scale does not have. */
    public static Optional<Level> level(Dimension dimension, String label) {
        if (label == null) {
            return Optional.empty();
        }
        String normal = label.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return levels(dimension).stream().filter(l -> l.label().equals(normal)).findFirst();
    }

    /** Every scale, for clients to offer the labels. */
    public static Map<String, List<Level>> all() {
        Map<String, List<Level>> all = new LinkedHashMap<>();
        for (Dimension dimension : Dimension.values()) {
            all.put(dimension.field(), levels(dimension));
        }
        return all;
    }

    /** The overall score of a report: the mean of the three dimension scores, to one decimal. */
    public static double overall(int productQuality, int serviceAttitude, int productReputation) {
        return Math.round((productQuality + serviceAttitude + productReputation) * 10.0 / 3.0) / 10.0;
    }
}
