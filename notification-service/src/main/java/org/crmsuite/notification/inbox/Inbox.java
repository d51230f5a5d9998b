package org.crmsuite.notification.inbox;

import java.time.Clock;
import java.util.List;

import org.crmsuite.notification.delivery.Channel;
import org.crmsuite.notification.delivery.ChannelSender;
import org.crmsuite.notification.delivery.Delivery;
import org.crmsuite.notification.delivery.Rendered;
import org.crmsuite.notification.delivery.SendOutcome;
import org.crmsuite.platform.web.DomainException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** NO-4 in-app inbox per staff member: the INBOX channel writes here; people list, count and mark read. */
@Service
public class Inbox implements ChannelSender {

    private final MongoTemplate mongo;
    private final Clock clock;

    Inbox(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.INBOX;
    }

    @Override
    public SendOutcome send(Delivery delivery, Rendered message) {
        try {
            mongo.insert(new InboxItem(delivery.getId(), delivery.getRecipient().id(), delivery.getEventType(),
                    delivery.getSubject(), message.subject(), message.body(), delivery.isUrgent(), clock.instant(), null));
        } catch (DuplicateKeyException writtenBeforeACrash) {
            // the same delivery was put in the inbox before its status was saved: once is enough
        }
        return SendOutcome.sent("inbox");
    }

    /** Writes an item directly (demo data). */
    public void put(InboxItem item) {
        try {
            mongo.insert(item);
        } catch (DuplicateKeyException exists) {
            // seeded before
        }
    }

    public List<InboxItem> list(String staffId, boolean unreadOnly, int page, int size) {
        Criteria criteria = Criteria.where("staffId").is(staffId);
        if (unreadOnly) {
            criteria = criteria.and("readAt").is(null);
        }
        return mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "createdAt")).skip((long) page * size)
                .limit(size), InboxItem.class);
    }

    public long unread(String staffId) {
        return mongo.count(Query.query(Criteria.where("staffId").is(staffId).and("readAt").is(null)), InboxItem.class);
    }

    public long total(String staffId) {
        return mongo.count(Query.query(Criteria.where("staffId").is(staffId)), InboxItem.class);
    }

    /** Marks one of the caller's own items read (someone else's is a 404: it does not exist for them). */
    public InboxItem markRead(String staffId, String id) {
        InboxItem item = mongo.findById(id, InboxItem.class);
        if (item == null || !item.staffId().equals(staffId)) {
            throw DomainException.notFound("inbox-item", id);
        }
        if (item.readAt() == null) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("readAt").is(null)),
                    new Update().set("readAt", clock.instant()), InboxItem.class);
        }
        return mongo.findById(id, InboxItem.class);
    }

    public long markAllRead(String staffId) {
        return mongo.updateMulti(Query.query(Criteria.where("staffId").is(staffId).and("readAt").is(null)),
                new Update().set("readAt", clock.instant()), InboxItem.class).getModifiedCount();
    }
}
