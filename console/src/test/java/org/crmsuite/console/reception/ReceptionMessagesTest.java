package org.crmsuite.console.reception;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Both languages of the reception screen say everything: no key missing in one bundle, none the screen uses missing. */
class ReceptionMessagesTest {

    private static final Properties ENGLISH = bundle("i18n/reception.properties");
    private static final Properties CHINESE = bundle("i18n/reception_zh_CN.properties");

    @Test
    void theChineseBundleHasEveryEnglishMessageAndNoOther() {
        assertThat(new TreeSet<>(CHINESE.stringPropertyNames())).isEqualTo(new TreeSet<>(ENGLISH.stringPropertyNames()));
        CHINESE.stringPropertyNames().forEach(key -> assertThat(CHINESE.getProperty(key)).as(key).isNotBlank());
    }

    @Test
    void everyKeyTheTemplatesNameExists() throws IOException {
        Set<String> named = new TreeSet<>();
        try (Stream<Path> templates = Files.list(Path.of("src/main/resources/templates/reception"))) {
            for (Path template : templates.toList()) {
                Matcher key = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9_.-]*)").matcher(Files.readString(template));
                while (key.find()) {
                    named.add(key.group(1));
                }
            }
        }
        named.removeIf(key -> key.startsWith("unavailable.") || key.startsWith("problem.")); // common bundle
        assertThat(named).isNotEmpty().allSatisfy(key -> assertThat(ENGLISH).as(key).containsKey(key));
    }

    @Test
    void everyValueTheScreenTranslatesHasAMessage() {
        List<String> keys = new ArrayList<>();
        // SA-2 rota states, SA-9 unit statuses, deal stages and actions
        RotaViews.STATES.forEach(state -> keys.add("rota.state." + state));
        List.of("AVAILABLE", "SMALL_DEPOSIT", "LARGE_DEPOSIT", "SUBSCRIBED", "CONTRACTED").forEach(s -> keys.add("units.status." + s));
        List.of("SMALL_DEPOSIT", "LARGE_DEPOSIT", "SUBSCRIPTION", "CONTRACT", "CANCELLED").forEach(s -> keys.add("deposit.stage." + s));
        for (String action : UnitBoardController.ACTIONS) {
            keys.addAll(List.of("deposit.action." + action, "deposit.form." + action, "deposit.submit." + action,
                    "deposit.done." + action));
        }
        WalkInForm.VISITED_BEFORE.forEach(answer -> keys.add("walkIn.visitedBefore." + answer));
        // the walk-in answer's explanations (WalkInRule)
        List.of("owner", "courtesy", "designated", "priority", "owed", "absence", "rota", "other")
                .forEach(rule -> keys.add("walkIn.rule." + rule));
        List.of("refused", "designatedAway", "passed", "lapsed", "cannotRecall", "notFound", "referral")
                .forEach(note -> keys.add("walkIn.note." + note));
        // messages the controllers put on forms themselves
        keys.addAll(List.of("reception.form.invalid", "rota.set.orderRequired", "rota.state.unknown",
                "walkIn.visitedBefore.unknown", "deposit.amount.unreadable", "deposit.stage.unknown", "deposit.action.unknown"));
        // the problem codes docs/sales.md lists for the desk's calls
        List.of("rota.not-set", "rota.nobody-on-duty", "rota.busy", "sales-service.busy", "rota.rep-not-on-duty",
                "unit.not-available", "deposit.customer-blacklisted", "deposit.customer-suspended",
                "deposit.customer-archived", "deposit.customer-not-found", "sales.customer-status-unavailable",
                "deposit.stage-backwards", "deposit.cancelled", "deposit.contracted", "access.denied")
                .forEach(code -> keys.add("reception.problem." + code));

        assertThat(keys).allSatisfy(key -> assertThat(ENGLISH).as(key).containsKey(key));
    }

    @Test
    void messagesWithArgumentsDoubleTheirApostrophes() {
        // MessageFormat drops a single ' and what follows it up to the next one
        for (Properties bundle : List.of(ENGLISH, CHINESE)) {
            bundle.stringPropertyNames().stream().filter(key -> bundle.getProperty(key).contains("{0}")).forEach(key ->
                    assertThat(bundle.getProperty(key).replace("''", "")).as(key).doesNotContain("'"));
        }
    }

    private static Properties bundle(String path) {
        Properties properties = new Properties();
        try (InputStream in = ReceptionMessagesTest.class.getClassLoader().getResourceAsStream(path)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(path, e);
        }
        return properties;
    }
}
