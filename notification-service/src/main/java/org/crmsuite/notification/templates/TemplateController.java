package org.crmsuite.notification.templates;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.crmsuite.notification.access.Access;
import org.crmsuite.notification.delivery.Channel;
import org.crmsuite.notification.events.NotifiableEvent;
import org.crmsuite.notification.events.NotifiableEvents;
import org.crmsuite.platform.identity.Caller;
import org.crmsuite.platform.web.DomainException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** NO-5 templates: management reads them and previews; ADMIN saves new versions. */
@RestController
class TemplateController {

    private final Templates templates;

    TemplateController(Templates templates) {
        this.templates = templates;
    }

    record TemplateBody(@Size(max = 300) String subject, @NotBlank @Size(max = 20_000) String body, Integer version) {
    }

    record PreviewBody(@NotBlank String eventType, @NotNull Channel channel, @NotBlank String locale,
            @Size(max = 300) String subject, @Size(max = 20_000) String body, Map<String, Object> data) {
    }

    record Preview(String eventType, Channel channel, String locale, Integer version, String subject, String body,
            Map<String, Object> sample) {
    }

    record EventTypeView(String type, String routingKey, List<String> variables, boolean partnerVisible) {
    }

    @GetMapping("/api/v1/templates")
    List<TemplateVersion> list(@RequestParam(required = false) String eventType, Caller caller) {
        Access.requireManagement(caller);
        if (eventType != null) {
            NotifiableEvents.require(eventType, "eventType");
        }
        return templates.latest(eventType);
    }

    /** The event types and the variables their templates may use. */
    @GetMapping("/api/v1/templates/event-types")
    List<EventTypeView> eventTypes(Caller caller) {
        Access.requireManagement(caller);
        return NotifiableEvents.all().stream()
                .map(e -> new EventTypeView(e.type(), e.routingKey(), e.variables(), e.partnerVisible())).toList();
    }

    @GetMapping("/api/v1/templates/{eventType}/{channel}/{locale}")
    List<TemplateVersion> versions(@PathVariable String eventType, @PathVariable Channel channel, @PathVariable String locale,
            Caller caller) {
        Access.requireManagement(caller);
        NotifiableEvents.require(eventType, "eventType");
        List<TemplateVersion> versions = templates.versions(eventType, channel, locale);
        if (versions.isEmpty()) {
            throw DomainException.notFound("template", TemplateVersion.key(eventType, channel, locale));
        }
        return versions;
    }

    @PutMapping("/api/v1/templates/{eventType}/{channel}/{locale}")
    TemplateVersion save(@PathVariable String eventType, @PathVariable Channel channel, @PathVariable String locale,
            @Valid @RequestBody TemplateBody body, Caller caller) {
        Access.requireAdmin(caller);
        return templates.save(eventType, channel, locale, body.subject(), body.body(), body.version(), caller.id());
    }

    /**
     * Renders a template against a sample event: the given subject/body (checked like a save) or the stored newest
     * version, with the event type's sample data overridden by {@code data}.
     */
    @PostMapping("/api/v1/templates/preview")
    Preview preview(@Valid @RequestBody PreviewBody body, Caller caller) {
        Access.requireManagement(caller);
        NotifiableEvent event = NotifiableEvents.require(body.eventType(), "eventType");
        Templates.requireSupported(body.channel(), body.locale());
        Map<String, Object> sample = new LinkedHashMap<>(event.sampleContext());
        if (body.data() != null) {
            for (String field : body.data().keySet()) {
                if (!event.variables().contains(field)) {
                    throw DomainException.badRequest("template.unknown-variable", "data: " + event.type() + " has no '" + field + "'")
                            .with("errors", List.of(Map.of("field", "data." + field, "message", "not a variable of " + event.type())));
                }
            }
            sample.putAll(body.data());
        }
        if (body.body() != null) {
            TemplateEngine.validate(body.subject(), "subject", event);
            TemplateEngine.validate(body.body(), "body", event);
            return new Preview(event.type(), body.channel(), body.locale(), null,
                    TemplateEngine.render(body.subject(), event, sample), TemplateEngine.render(body.body(), event, sample), sample);
        }
        TemplateVersion stored = templates.current(event.type(), body.channel(), body.locale())
                .orElseThrow(() -> DomainException.notFound("template", TemplateVersion.key(event.type(), body.channel(), body.locale())));
        return new Preview(event.type(), body.channel(), body.locale(), stored.version(),
                TemplateEngine.render(stored.subject(), event, sample), TemplateEngine.render(stored.body(), event, sample), sample);
    }
}
