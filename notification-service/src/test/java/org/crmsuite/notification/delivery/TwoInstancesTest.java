package org.crmsuite.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.crmsuite.notification.NotificationSettings;
import org.crmsuite.notification.policy.Policies;
import org.crmsuite.notification.preferences.Preferences;
import org.crmsuite.notification.support.ServiceTestBase;
import org.crmsuite.notification.templates.Templates;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * NO-4 delivery is safe with several instances: two dispatchers (two instance ids on one database) working at once send
 * each message once, and work claimed by an instance that died is taken over after its lease, so nothing is lost.
 */
class TwoInstancesTest extends ServiceTestBase {

    @Autowired
    NotificationSettings settings;
    @Autowired
    RecipientResolver resolver;
    @Autowired
    Templates templates;
    @Autowired
    Policies policies;
    @Autowired
    Preferences preferences;
    @Autowired
    List<ChannelSender> senders;
    @Autowired
    NotificationIntake intake;

    private void submitAssignments(int count) {
        for (int i = 0; i < count; i++) {
            intake.submit("evt-two-" + i, "crm.complaint.assigned.v1", "2026-C-" + i, clock.instant(),
                    Map.of("complaintId", "2026-C-" + i, "handlerId", "demo-agent-1", "departmentId", "dept-customer-service",
                            "level", "L1", "resolveDueAt", "2026-11-30T10:00:00Z"));
        }
    }

    @Test
    void twoInstancesWorkingAtOnceSendEachMessageOnce_NO4() throws Exception {
        submitAssignments(20);
        Dispatcher other = new Dispatcher(mongo, clock, settings, rules, resolver, templates, policies, preferences, senders);
        try {
            CompletableFuture<Dispatcher.Pass> a = CompletableFuture.supplyAsync(dispatcher::runOnce);
            CompletableFuture<Dispatcher.Pass> b = CompletableFuture.supplyAsync(other::runOnce);
            List<Dispatcher.Pass> passes = new ArrayList<>(List.of(a.get(), b.get()));
            passes.add(dispatcher.runOnce());
            assertThat(passes.stream().mapToInt(Dispatcher.Pass::expanded).sum()).isEqualTo(20);
            assertThat(passes.stream().mapToInt(Dispatcher.Pass::attempted).sum()).isEqualTo(40);
        } finally {
            other.stop();
        }
        assertThat(SMTP_PRIMARY.getReceivedMessages()).hasSize(20);
        assertThat(mongo.count(new Query(), "inbox")).isEqualTo(20);
        assertThat(mongo.count(Query.query(Criteria.where("status").is("SENT")), Delivery.class)).isEqualTo(40);
    }

    @Test
    void workClaimedByAnInstanceThatDiedIsTakenOverAfterItsLease_NO4() {
        submitAssignments(1);
        // an instance claimed the request, then died
        mongo.updateMulti(new Query(), new Update().set("lockedUntil", clock.instant().plus(settings.getDispatch().getClaimLease()))
                .set("lockedBy", "dead-instance"), NotificationRequest.class);
        assertThat(dispatcher.runOnce().expanded()).isZero();
        clock.advance(settings.getDispatch().getClaimLease().plus(Duration.ofSeconds(1)));
        assertThat(dispatcher.runOnce().expanded()).isEqualTo(1);
        assertThat(SMTP_PRIMARY.getReceivedMessages()).hasSize(1);
    }
}
