package org.crmsuite.sales.staff;

import java.time.Instant;
import java.util.List;

import org.crmsuite.platform.events.CloudEvent;
import org.crmsuite.platform.events.ConsumerQueues;
import org.crmsuite.platform.events.EventReader;
import org.crmsuite.platform.events.EventsProperties;
import org.crmsuite.platform.events.IdempotentConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * SA-8 through identity's {@code crm.staff.left.v1}: the leaver's open customers go evenly to the department's
 * remaining active sales staff (asked of identity's directory). Idempotent by event id; a failure is retried and then
 * dead-lettered to {@code sales-service.staff-departures.dlq}.
 */
@Component
class StaffDepartureListener {

    static final String CONSUMER = "sales-service.staff-departures";
    static final String STAFF_LEFT = "identity.staff.left";

    private static final Logger log = LoggerFactory.getLogger(StaffDepartureListener.class);

    private final EventReader reader;
    private final IdempotentConsumer idempotent;
    private final StaffDirectory directory;
    private final Departures departures;

    StaffDepartureListener(EventReader reader, IdempotentConsumer idempotent, StaffDirectory directory,
            Departures departures) {
        this.reader = reader;
        this.idempotent = idempotent;
        this.directory = directory;
        this.departures = departures;
    }

    record StaffLeft(String staffId, String departmentId, List<String> roles, Instant leftAt) {
    }

    @RabbitListener(queues = "${crm.sales.staff-departures-queue:" + CONSUMER + "}")
    void onStaffLeft(Message message) {
        CloudEvent event = reader.read(message);
        StaffLeft left = reader.data(event, StaffLeft.class);
        if (left.staffId() == null || left.departmentId() == null) {
            throw new org.springframework.amqp.AmqpRejectAndDontRequeueException("staff-left without staffId or departmentId");
        }
        idempotent.handle(CONSUMER, event.id(), () -> {
            List<String> remaining = directory.staffOf(left.departmentId(), "SALES", "ACTIVE", 200).items().stream()
                    .map(StaffDirectory.Staff::id).filter(id -> !id.equals(left.staffId())).toList();
            Departures.Redistribution result = departures.redistribute(left.staffId(), left.departmentId(), remaining);
            if (remaining.isEmpty()) {
                log.warn("SA-8: {} left {} but no active sales staff remain; their customers stay until a manager "
                        + "reassigns them", left.staffId(), left.departmentId());
            } else {
                log.info("SA-8: {} left {}: {} customers ({} deals) redistributed {}", left.staffId(), left.departmentId(),
                        result.customers(), result.deals(), result.perRep());
            }
        });
    }

    @Configuration
    static class Queues {
        @Bean
        Declarables salesStaffDepartureQueue(EventsProperties events,
                @Value("${crm.sales.staff-departures-queue:" + CONSUMER + "}") String queue) {
            return ConsumerQueues.declare(events, queue, STAFF_LEFT);
        }
    }
}
