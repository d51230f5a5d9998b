package org.crmsuite.notification.templates;

import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.crmsuite.notification.NotificationSettings;
import org.crmsuite.notification.delivery.Channel;
import org.crmsuite.notification.delivery.Rendered;
import org.crmsuite.notification.events.NotifiableEvent;
import org.crmsuite.notification.events.NotifiableEvents;
import org.crmsuite.platform.web.DomainException;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** NO-5: versioned templates per event type × channel × locale, seeded with {@link DefaultTemplates}. */
@Service
public class Templates {

    public static final List<String> LOCALES = List.of("zh-CN", "en");

    private final MongoTemplate mongo;
    private final Clock clock;
    private final NotificationSettings settings;

    Templates(MongoTemplate mongo, Clock clock, NotificationSettings settings) {
        this.mongo = mongo;
        this.clock = clock;
        this.settings = settings;
    }

    /** Version 1 of every default template that has no version yet (fixed ids: written once across instances). */
    @EventListener(ApplicationReadyEvent.class)
    public void seedDefaults() {
        for (DefaultTemplates.Seed seed : DefaultTemplates.all()) {
            String key = TemplateVersion.key(seed.eventType(), seed.channel(), seed.locale());
            try {
                mongo.insert(new TemplateVersion(key + ":v1", key, seed.eventType(), seed.channel(), seed.locale(), 1,
                        seed.subject(), seed.body(), "system", clock.instant()));
            } catch (DuplicateKeyException alreadySeeded) {
                // seeded before (or by the other instance)
            }
        }
    }

    public Optional<TemplateVersion> current(String eventType, Channel channel, String locale) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("key").is(TemplateVersion.key(eventType, channel, locale)))
                .with(Sort.by(Sort.Direction.DESC, "version")).limit(1), TemplateVersion.class));
    }

    public List<TemplateVersion> versions(String eventType, Channel channel, String locale) {
        return mongo.find(Query.query(Criteria.where("key").is(TemplateVersion.key(eventType, channel, locale)))
                .with(Sort.by(Sort.Direction.DESC, "version")), TemplateVersion.class);
    }

    public List<TemplateVersion> latest(String eventType) {
        Query query = eventType == null ? new Query() : Query.query(Criteria.where("eventType").is(eventType));
        List<TemplateVersion> all = mongo.find(query.with(Sort.by("key").and(Sort.by(Sort.Direction.DESC, "version"))),
                TemplateVersion.class);
        Set<String> seen = new LinkedHashSet<>();
        return all.stream().filter(t -> seen.add(t.key())).toList();
    }

    /** Saves the next version after validating syntax and variables (a 400 naming an unknown variable). */
    public TemplateVersion save(String eventType, Channel channel, String locale, String subject, String body,
            Integer expectedVersion, String by) {
        NotifiableEvent event = NotifiableEvents.require(eventType, "eventType");
        requireSupported(channel, locale);
        if (channel != Channel.SMS && (subject == null || subject.isBlank())) {
            throw DomainException.badRequest("request.invalid", "subject: required for " + channel)
                    .with("errors", List.of(Map.of("field", "subject", "message", "required for " + channel)));
        }
        TemplateEngine.validate(subject, "subject", event);
        TemplateEngine.validate(body, "body", event);
        int latest = current(eventType, channel, locale).map(TemplateVersion::version).orElse(0);
        if (expectedVersion != null && expectedVersion != latest) {
            throw DomainException.conflict("concurrency.stale-version", "The template is at version " + latest);
        }
        String key = TemplateVersion.key(eventType, channel, locale);
        int next = latest + 1;
        try {
            return mongo.insert(new TemplateVersion(key + ":v" + next, key, eventType, channel, locale, next, subject, body, by,
                    clock.instant()));
        } catch (DuplicateKeyException raced) {
            throw DomainException.conflict("concurrency.stale-version", "Someone saved version " + next + " meanwhile");
        }
    }

    static void requireSupported(Channel channel, String locale) {
        if (channel == Channel.WEBHOOK) {
            throw DomainException.badRequest("request.invalid", "channel: webhooks send the event envelope, not a template")
                    .with("errors", List.of(Map.of("field", "channel", "message", "WEBHOOK is not templated")));
        }
        if (!LOCALES.contains(locale)) {
            throw DomainException.badRequest("request.invalid", "locale: one of " + LOCALES)
                    .with("errors", List.of(Map.of("field", "locale", "message", "one of " + LOCALES)));
        }
    }

    /** Renders the newest template for the locale (else the default locale, else any) against {@code values}. */
    public Optional<Rendered> render(String eventType, Channel channel, String locale, Map<String, Object> values,
            ZoneId zone) {
        NotifiableEvent event = NotifiableEvents.find(eventType).orElse(null);
        if (event == null) {
            return Optional.empty();
        }
        Optional<TemplateVersion> template = Optional.empty();
        for (String candidate : candidates(locale)) {
            template = current(eventType, channel, candidate);
            if (template.isPresent()) {
                break;
            }
        }
        return template.map(t -> {
            Map<String, Object> shown = LocalTimes.readable(values, t.locale(), zone);
            return new Rendered(TemplateEngine.render(t.subject(), event, shown), TemplateEngine.render(t.body(), event, shown),
                    t.locale(), t.version());
        });
    }

    private List<String> candidates(String locale) {
        Set<String> order = new LinkedHashSet<>();
        if (locale != null) {
            order.add(locale.toLowerCase().startsWith("zh") ? "zh-CN" : locale.toLowerCase().startsWith("en") ? "en" : locale);
        }
        order.add(settings.getDefaultLocale());
        order.addAll(LOCALES);
        return List.copyOf(order);
    }
}
