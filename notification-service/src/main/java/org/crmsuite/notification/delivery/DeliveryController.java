package org.crmsuite.notification.delivery;

import java.time.Clock;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.crmsuite.notification.access.Access;
import org.crmsuite.platform.identity.Caller;
import org.crmsuite.platform.web.DomainException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** NO-4 delivery log for administrators: every delivery with its attempts; a failed or held one can be sent again. */
@RestController
class DeliveryController {

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Dispatcher dispatcher;

    DeliveryController(MongoTemplate mongo, Clock clock, Dispatcher dispatcher) {
        this.mongo = mongo;
        this.clock = clock;
        this.dispatcher = dispatcher;
    }

    record DeliveryPage(List<Delivery> items, int page, int size, long totalItems) {
    }

    @GetMapping("/api/v1/notifications/deliveries")
    DeliveryPage list(@RequestParam(required = false) DeliveryStatus status, @RequestParam(required = false) Channel channel,
            @RequestParam(required = false) String eventId, @RequestParam(required = false) String recipientId,
            @RequestParam(defaultValue = "0") @Min(0) int page, @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
            Caller caller) {
        Access.requireAdmin(caller);
        Criteria criteria = new Criteria();
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        if (channel != null) {
            criteria = criteria.and("channel").is(channel);
        }
        if (eventId != null) {
            criteria = criteria.and("eventId").is(eventId);
        }
        if (recipientId != null) {
            criteria = criteria.and("recipient.id").is(recipientId);
        }
        Query query = Query.query(criteria);
        long total = mongo.count(query, Delivery.class);
        List<Delivery> items = mongo.find(query.with(Sort.by(Sort.Direction.DESC, "createdAt")).skip((long) page * size)
                .limit(size), Delivery.class);
        return new DeliveryPage(items, page, size, total);
    }

    @GetMapping("/api/v1/notifications/deliveries/{id}")
    Delivery get(@PathVariable String id, Caller caller) {
        Access.requireAdmin(caller);
        Delivery delivery = mongo.findById(id, Delivery.class);
        if (delivery == null) {
            throw DomainException.notFound("delivery", id);
        }
        return delivery;
    }

    /** Sends a FAILED or HELD e-mail/SMS/inbox delivery again now (webhooks are replayed by their partner). */
    @PostMapping("/api/v1/notifications/deliveries/{id}/retry")
    Delivery retry(@PathVariable String id, Caller caller) {
        Access.requireAdmin(caller);
        Delivery delivery = get(id, caller);
        if (delivery.getStatus() != DeliveryStatus.FAILED && delivery.getStatus() != DeliveryStatus.HELD) {
            throw DomainException.conflict("delivery.not-retryable", "Only FAILED or HELD deliveries are sent again; this one is "
                    + delivery.getStatus());
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("status").is(delivery.getStatus())),
                new Update().set("status", DeliveryStatus.PENDING).set("nextAttemptAt", clock.instant()).set("attempts", 0),
                Delivery.class);
        dispatcher.nudge();
        return mongo.findById(id, Delivery.class);
    }
}
