package org.crmsuite.notification.rules;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.crmsuite.notification.access.Access;
import org.crmsuite.notification.delivery.Channel;
import org.crmsuite.platform.identity.Caller;
import org.crmsuite.platform.web.DomainException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** NO-1/NO-2 rules as data: management reads them, ADMIN adds and edits them. */
@RestController
class RuleController {

    private final Rules rules;

    RuleController(Rules rules) {
        this.rules = rules;
    }

    record RuleBody(@NotBlank @Size(max = 120) String eventType, @NotNull Audience audience,
            @NotEmpty @Size(max = 4) List<@NotNull Channel> channels, Map<String, List<String>> conditions, Boolean digest,
            Boolean care, Boolean enabled, @Size(max = 300) String description, Long version) {
    }

    record NewRule(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{2,63}") String id, @NotNull @Valid RuleBody rule) {
    }

    @GetMapping("/api/v1/notifications/rules")
    List<Rule> list(Caller caller) {
        Access.requireManagement(caller);
        return rules.all();
    }

    @GetMapping("/api/v1/notifications/rules/{id}")
    Rule get(@PathVariable String id, Caller caller) {
        Access.requireManagement(caller);
        return rules.get(id);
    }

    @PostMapping("/api/v1/notifications/rules")
    @ResponseStatus(HttpStatus.CREATED)
    Rule create(@Valid @RequestBody NewRule body, Caller caller) {
        Access.requireAdmin(caller);
        Rule rule = apply(new Rule(), body.rule());
        rule.setId(body.id());
        rule.setVersion(null);
        return rules.save(rule, caller.id());
    }

    @PutMapping("/api/v1/notifications/rules/{id}")
    Rule replace(@PathVariable String id, @Valid @RequestBody RuleBody body, Caller caller) {
        Access.requireAdmin(caller);
        Rule rule = rules.get(id);
        if (body.version() == null || !body.version().equals(rule.getVersion())) {
            throw DomainException.conflict("concurrency.stale-version", "The rule is at version " + rule.getVersion());
        }
        return rules.save(apply(rule, body), caller.id());
    }

    private static Rule apply(Rule rule, RuleBody body) {
        rule.setEventType(body.eventType());
        rule.setAudience(body.audience());
        rule.setChannels(List.copyOf(body.channels()));
        rule.setConditions(body.conditions());
        rule.setDigest(Boolean.TRUE.equals(body.digest()));
        rule.setCare(Boolean.TRUE.equals(body.care()));
        rule.setEnabled(body.enabled() == null || body.enabled());
        rule.setDescription(body.description());
        return rule;
    }
}
