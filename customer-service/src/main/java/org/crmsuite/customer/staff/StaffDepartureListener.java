package org.crmsuite.customer.staff;

import java.time.Instant;
import java.util.List;

import org.crmsuite.customer.ownership.Departures;
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
 * CU-10 through the event: when identity marks a person LEFT ({@code crm.staff.left.v1}), their customers of the
 * department they left go evenly to the department's remaining active sales staff. Idempotent by event id.
 */
@Component
class StaffDepartureListener {

    static final String CONSUMER = "customer-service.staff-departures";
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

    @RabbitListener(queues = "${crm.customer.staff-departures-queue:" + CONSUMER + "}")
    void onStaffLeft(Message message) {
        CloudEvent event = reader.read(message);
        StaffLeft left = reader.data(event, StaffLeft.class);
        idempotent.handle(CONSUMER, event.id(), () -> {
            List<String> remaining = directory.staffOf(left.departmentId(), "SALES", "ACTIVE", 200).items().stream()
                    .map(StaffDirectory.Staff::id).filter(id -> !id.equals(left.staffId())).toList();
            Departures.Redistribution result = departures.redistribute(left.staffId(), left.departmentId(), remaining,
                    "customer-service");
            if (remaining.isEmpty()) {
                log.warn("CU-10: {} left {} but no active sales staff remain there; their customers stay until a manager "
                        + "redistributes them", left.staffId(), left.departmentId());
            } else {
                log.info("CU-10: {} left {}: {} customers redistributed {}", left.staffId(), left.departmentId(),
                        result.customers(), result.perStaff());
            }
        });
    }

    @Configuration
    static class Queues {
        @Bean
        Declarables staffDepartureQueue(EventsProperties events,
                @Value("${crm.customer.staff-departures-queue:" + CONSUMER + "}") String queue) {
            return ConsumerQueues.declare(events, queue, STAFF_LEFT);
        }
    }
}
