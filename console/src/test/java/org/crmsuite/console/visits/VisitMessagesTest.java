package org.crmsuite.console.visits;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every word of the visits screen exists in English and in Chinese. */
class VisitMessagesTest {

    @Test
    void bothLanguagesHaveEveryMessageTheTemplatesAndTheCodeUse() throws IOException {
        Properties english = bundle("i18n/visits.properties");
        Properties chinese = bundle("i18n/visits_zh_CN.properties");
        assertThat(chinese.stringPropertyNames()).isEqualTo(english.stringPropertyNames());

        Set<String> used = new TreeSet<>();
        Pattern key = Pattern.compile("#\\{(visits\\.[A-Za-z.]+[A-Za-z])[}(]|\"(visits\\.[a-zA-Z]+\\.[a-zA-Z.]+)\"");
        try (Stream<Path> files = Stream.concat(Files.list(Path.of("src/main/resources/templates/visits")),
                Files.list(Path.of("src/main/java/org/crmsuite/console/visits")))) {
            for (Path file : files.toList()) {
                Matcher found = key.matcher(Files.readString(file));
                while (found.find()) {
                    used.add(found.group(1) != null ? found.group(1) : found.group(2));
                }
            }
        }
        // the keys made from the API's values: plan kinds, visit modes, scale labels, weekdays
        Stream.of("CADENCE", "REVISIT", "OWNER_CHANGE", "MANUAL").forEach(kind -> used.add("visits.kind." + kind));
        RecordForm.MODES.forEach(mode -> used.add("visits.mode." + mode));
        Stream.of("EXCELLENT", "VERY_GOOD", "GOOD", "FAIR", "AVERAGE", "BELOW_AVERAGE", "POOR", "TERRIBLE")
                .forEach(label -> used.add("visits.scale." + label));
        Stream.of(java.time.DayOfWeek.values()).forEach(day -> used.add("visits.weekday." + day));
        RecordForm.DIMENSIONS.forEach(dimension -> used.add("visits.report." + dimension));

        assertThat(used).hasSizeGreaterThan(40);
        assertThat(english.stringPropertyNames()).containsAll(used);
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (var in = VisitMessagesTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
