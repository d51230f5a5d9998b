package org.crmsuite.notification.events;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.crmsuite.notification.NotificationSettings;
import org.crmsuite.notification.access.Access;
import org.crmsuite.platform.events.DeadLetters;
import org.crmsuite.platform.identity.Caller;
import org.crmsuite.platform.web.DomainException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Administrators see how many events each consumer dead-lettered and move them back to be consumed again. */
@RestController
class DeadLetterController {

    private final DeadLetters deadLetters;
    private final NotificationSettings settings;

    DeadLetterController(DeadLetters deadLetters, NotificationSettings settings) {
        this.deadLetters = deadLetters;
        this.settings = settings;
    }

    record QueueDepth(String consumer, String queue, long deadLettered) {
    }

    record Redriven(String consumer, int moved) {
    }

    @GetMapping("/api/v1/notifications/dead-letters")
    List<QueueDepth> depths(Caller caller) {
        Access.requireAdmin(caller);
        return List.of(new QueueDepth("notify", settings.getNotifyQueue(), deadLetters.depth(settings.getNotifyQueue())),
                new QueueDepth("partner-webhooks", settings.getWebhookQueue(), deadLetters.depth(settings.getWebhookQueue())));
    }

    @PostMapping("/api/v1/notifications/dead-letters/{consumer}/redrive")
    Redriven redrive(@PathVariable String consumer, @RequestParam(defaultValue = "100") @Min(1) @Max(10_000) int max,
            Caller caller) {
        Access.requireAdmin(caller);
        String queue = switch (consumer) {
            case "notify" -> settings.getNotifyQueue();
            case "partner-webhooks" -> settings.getWebhookQueue();
            default -> throw DomainException.notFound("consumer", consumer).with("known", List.of("notify", "partner-webhooks"));
        };
        return new Redriven(consumer, deadLetters.redrive(queue, max));
    }
}
