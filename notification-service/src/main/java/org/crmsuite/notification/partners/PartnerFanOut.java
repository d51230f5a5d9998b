package org.crmsuite.notification.partners;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.crmsuite.notification.delivery.Channel;
import org.crmsuite.notification.delivery.Delivery;
import org.crmsuite.notification.delivery.DeliveryStatus;
import org.crmsuite.notification.delivery.Dispatcher;
import org.crmsuite.notification.delivery.Recipient;
import org.crmsuite.notification.events.NotifiableEvents;
import org.crmsuite.platform.events.CloudEvent;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * NO-3: an event partners may subscribe to becomes one webhook delivery per subscription to its type. The delivery id is
 * derived from event and subscription ({@code msg_…}): it is the {@code webhook-id} of every attempt and replay, and a
 * redelivered event makes no second delivery.
 */
@Service
public class PartnerFanOut {

    private final Subscriptions subscriptions;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final Dispatcher dispatcher;

    PartnerFanOut(Subscriptions subscriptions, MongoTemplate mongo, Clock clock, Dispatcher dispatcher) {
        this.subscriptions = subscriptions;
        this.mongo = mongo;
        this.clock = clock;
        this.dispatcher = dispatcher;
    }

    public static String webhookId(String eventId, String subscriptionId) {
        return "msg_" + UUID.nameUUIDFromBytes((eventId + ":" + subscriptionId).getBytes(StandardCharsets.UTF_8)).toString()
                .replace("-", "");
    }

    public int accept(CloudEvent event, String envelope) {
        if (!NotifiableEvents.partnerTypes().contains(event.type())) {
            return 0;
        }
        int made = 0;
        Instant now = clock.instant();
        for (Subscription s : subscriptions.subscribedTo(event.type())) {
            Delivery d = new Delivery();
            d.setId(webhookId(event.id(), s.getId()));
            d.setEventId(event.id());
            d.setEventType(event.type());
            d.setSubject(event.subject());
            d.setEventTime(event.time());
            d.setSubscriptionId(s.getId());
            d.setPartnerId(s.getPartnerId());
            d.setChannel(Channel.WEBHOOK);
            d.setAudience("PARTNER");
            d.setRecipient(new Recipient(Recipient.PARTNER, s.getPartnerId(), s.getPartnerId(), s.getUrl(), null));
            d.setPayload(envelope);
            d.setStatus(s.getStatus() == Subscription.Status.PAUSED ? DeliveryStatus.HELD : DeliveryStatus.PENDING);
            d.setNextAttemptAt(now);
            d.setCreatedAt(now);
            try {
                mongo.insert(d);
                made++;
            } catch (DuplicateKeyException redelivered) {
                // made before
            }
        }
        if (made > 0) {
            dispatcher.nudge();
        }
        return made;
    }
}
