package org.crmsuite.notification.channels;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.crmsuite.notification.NotificationSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * The FILE provider of the local run: e-mail and SMS are appended as JSON lines to {@code <dir>/email.jsonl} /
 * {@code sms.jsonl} and logged, so nothing leaves the machine.
 */
@Component
public class LocalSink {

    private static final Logger log = LoggerFactory.getLogger(LocalSink.class);

    private final NotificationSettings settings;
    private final JsonMapper json;
    private final Clock clock;

    LocalSink(NotificationSettings settings, JsonMapper json, Clock clock) {
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    public synchronized void write(String channel, String to, String subject, String body) throws IOException {
        Path dir = Path.of(settings.getLocalSink().getDirectory());
        Files.createDirectories(dir);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("at", clock.instant().toString());
        line.put("to", to);
        if (subject != null) {
            line.put("subject", subject);
        }
        line.put("body", body);
        Files.writeString(dir.resolve(channel + ".jsonl"), json.writeValueAsString(line) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        log.info("[local {} sink] to {}: {}", channel, to, subject != null ? subject : body);
    }
}
