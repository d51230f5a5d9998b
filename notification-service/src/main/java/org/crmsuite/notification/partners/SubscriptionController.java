package org.crmsuite.notification.partners;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.crmsuite.notification.access.Access;
import org.crmsuite.notification.delivery.Delivery;
import org.crmsuite.notification.delivery.DeliveryStatus;
import org.crmsuite.platform.identity.Caller;
import org.crmsuite.platform.identity.Role;
import org.crmsuite.platform.web.DomainException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * NO-3 partner subscriptions. A PARTNER manages and sees only its own (someone else's is a 404); an ADMIN sees all.
 * The secret is shown once, on creation and on rotation.
 */
@RestController
class SubscriptionController {

    private final Subscriptions subscriptions;

    SubscriptionController(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    record SubscriptionBody(@NotEmpty @Size(max = 50) List<@NotBlank String> eventTypes, @NotBlank @Size(max = 2000) String url,
            @NotBlank @Email @Size(max = 200) String contactEmail, @Size(max = 300) String description, Long version) {
    }

    record SubscriptionView(String id, String partnerId, List<String> eventTypes, String url, String contactEmail,
            String description, Subscription.Status status, int consecutiveFailures, String lastError, Instant pausedAt,
            String pauseReason, int activeSecrets, Long version, Instant createdAt, Instant updatedAt) {

        static SubscriptionView of(Subscription s) {
            return new SubscriptionView(s.getId(), s.getPartnerId(), s.getEventTypes(), s.getUrl(), s.getContactEmail(),
                    s.getDescription(), s.getStatus(), s.getConsecutiveFailures(), s.getLastError(), s.getPausedAt(),
                    s.getPauseReason(), s.getSecrets().size(), s.getVersion(), s.getCreatedAt(), s.getUpdatedAt());
        }
    }

    record CreatedView(SubscriptionView subscription, String secret) {
    }

    record ReplayRange(@NotNull Instant from, @NotNull Instant to) {
    }

    record Replayed(long replayed) {
    }

    @PostMapping("/api/v1/subscriptions")
    @ResponseStatus(HttpStatus.CREATED)
    CreatedView create(@Valid @RequestBody SubscriptionBody body, Caller caller) {
        Access.requirePartnerOrAdmin(caller);
        Subscriptions.Created created = subscriptions.create(caller.id(), body.eventTypes(), body.url(), body.contactEmail(),
                body.description());
        return new CreatedView(SubscriptionView.of(created.subscription()), created.secret());
    }

    @GetMapping("/api/v1/subscriptions")
    List<SubscriptionView> list(@RequestParam(required = false) String partnerId, Caller caller) {
        Access.requirePartnerOrAdmin(caller);
        String owner = caller.has(Role.ADMIN) ? partnerId : caller.id();
        return subscriptions.list(owner).stream().map(SubscriptionView::of).toList();
    }

    @GetMapping("/api/v1/subscriptions/{id}")
    SubscriptionView get(@PathVariable String id, Caller caller) {
        return SubscriptionView.of(own(id, caller));
    }

    @PutMapping("/api/v1/subscriptions/{id}")
    SubscriptionView update(@PathVariable String id, @Valid @RequestBody SubscriptionBody body, Caller caller) {
        Subscription s = own(id, caller);
        return SubscriptionView.of(subscriptions.update(s, body.eventTypes(), body.url(), body.contactEmail(),
                body.description(), body.version()));
    }

    @DeleteMapping("/api/v1/subscriptions/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id, Caller caller) {
        subscriptions.disable(own(id, caller), "deleted by " + caller.id());
    }

    @PostMapping("/api/v1/subscriptions/{id}/secret/rotate")
    Subscriptions.Rotated rotate(@PathVariable String id, Caller caller) {
        return subscriptions.rotate(own(id, caller));
    }

    @PostMapping("/api/v1/subscriptions/{id}/pause")
    SubscriptionView pause(@PathVariable String id, Caller caller) {
        return SubscriptionView.of(subscriptions.pause(own(id, caller), "paused by " + caller.id()));
    }

    @PostMapping("/api/v1/subscriptions/{id}/resume")
    SubscriptionView resume(@PathVariable String id, Caller caller) {
        return SubscriptionView.of(subscriptions.resume(own(id, caller)));
    }

    @GetMapping("/api/v1/subscriptions/{id}/deliveries")
    Subscriptions.DeliveryPage deliveries(@PathVariable String id, @RequestParam(required = false) DeliveryStatus status,
            @RequestParam(defaultValue = "0") @Min(0) int page, @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
            Caller caller) {
        return subscriptions.deliveries(own(id, caller), status, page, size);
    }

    @PostMapping("/api/v1/subscriptions/{id}/deliveries/{deliveryId}/replay")
    Delivery replay(@PathVariable String id, @PathVariable String deliveryId, Caller caller) {
        Delivery d = subscriptions.replay(own(id, caller), deliveryId);
        d.setData(null);
        return d;
    }

    @PostMapping("/api/v1/subscriptions/{id}/replay")
    Replayed replayRange(@PathVariable String id, @Valid @RequestBody ReplayRange range, Caller caller) {
        return new Replayed(subscriptions.replay(own(id, caller), range.from(), range.to()));
    }

    private Subscription own(String id, Caller caller) {
        Access.requirePartnerOrAdmin(caller);
        Subscription s = subscriptions.get(id);
        if (!caller.has(Role.ADMIN) && !s.getPartnerId().equals(caller.id())) {
            throw DomainException.notFound("subscription", id);
        }
        return s;
    }
}
