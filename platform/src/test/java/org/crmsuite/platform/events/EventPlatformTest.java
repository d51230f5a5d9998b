package org.crmsuite.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.crmsuite.platform.testapp.PlatformTestApplication;
import org.crmsuite.testsupport.TcpProxy;
import org.crmsuite.testsupport.TestBroker;
import org.crmsuite.platform.testapp.Ticket;
import org.crmsuite.platform.testapp.TicketListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The event platform against the real thing: the MongoDB wire protocol (embedded server) and this machine's
 * RabbitMQ, reached through a TCP proxy so a broker outage can be staged.
 */
@SpringBootTest(classes = PlatformTestApplication.class)
@ActiveProfiles("test")
class EventPlatformTest {

    static final TestBroker broker = new TestBroker();
    static TcpProxy proxy;
    static String observerQueue;

    @Autowired
    AggregateStore store;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    OutboxRelay relay;
    @Autowired
    EventPublisher publisher;
    @Autowired
    TicketListener listener;
    @Autowired
    DeadLetters deadLetters;
    @Autowired
    Clock clock;

    @DynamicPropertySource
    static void broker(DynamicPropertyRegistry registry) throws Exception {
        proxy = new TcpProxy(TestBroker.PORT);
        registry.add("spring.rabbitmq.port", proxy::port);
        registry.add("crm.events.exchange", () -> broker.exchange);
        registry.add("crm.events.dead-letter-exchange", () -> broker.deadLetterExchange);
        registry.add("test.queue", () -> broker.queue);
    }

    @BeforeAll
    static void observer() {
        // a second queue on the exchange, read over a direct connection: counts what the relay really published
        RabbitAdmin admin = new RabbitAdmin(broker.template().getConnectionFactory());
        TopicExchange exchange = new TopicExchange(broker.exchange, true, false);
        admin.declareExchange(exchange);
        observerQueue = admin.declareQueue(new Queue(broker.queue + ".observer", false, false, false));
        admin.declareBinding(BindingBuilder.bind(new Queue(observerQueue)).to(exchange).with("test.#"));
    }

    @AfterAll
    static void cleanUp() throws Exception {
        proxy.close();
        broker.close();
    }

    @BeforeEach
    void brokerUp() {
        proxy.restore();
        if (!relay.isRunning()) {
            relay.start();
        }
    }

    @Test
    void stateChangeAndItsEventAreStoredTogetherAndPublishedAsCloudEvent() {
        Ticket ticket = store.save(Ticket.open("first", false));

        Message message = awaitPublished(ticket.getId());
        String body = new String(message.getBody(), StandardCharsets.UTF_8);
        assertThat(body).contains("\"specversion\":\"1.0\"", "\"type\":\"crm.test.ticket-opened.v1\"",
                "\"source\":\"/platform-test\"", "\"subject\":\"" + ticket.getId() + "\"", "\"title\":\"first\"");
        assertThat(message.getMessageProperties().getReceivedRoutingKey()).isEqualTo("test.ticket.opened");
        await().atMost(Duration.ofSeconds(10)).until(() -> outbox(ticket.getId()).isEmpty());
        assertThat(raw(ticket.getId())).doesNotContainKey("outboxAt");
    }

    @Test
    void brokerOutageKeepsTheEventAndPublishesItExactlyOnceWhenTheBrokerReturns() throws Exception {
        proxy.cut();
        Ticket ticket = store.save(Ticket.open("during outage", false));
        String eventId = outbox(ticket.getId()).get(0).getString("id");

        Thread.sleep(1500); // several relay passes fail meanwhile
        assertThat(raw(ticket.getId()).getString("title")).isEqualTo("during outage");
        assertThat(outbox(ticket.getId())).extracting(e -> e.getString("id")).containsExactly(eventId);

        proxy.restore();
        List<Message> published = drainObserver(ticket.getId(), Duration.ofSeconds(20), 1);
        Thread.sleep(1500); // would a second copy follow?
        published.addAll(drainObserver(ticket.getId(), Duration.ofMillis(500), Integer.MAX_VALUE));
        assertThat(published).extracting(m -> m.getMessageProperties().getMessageId()).containsExactly(eventId);
        assertThat(outbox(ticket.getId())).isEmpty();
        await().atMost(Duration.ofSeconds(20)).until(() -> listener.handled.contains(eventId));
    }

    @Test
    void relayCrashBetweenPublishAndMarkSentRepublishesAndTheConsumerIgnoresTheRepeat() throws Exception {
        relay.stop();
        Ticket ticket = store.save(Ticket.open("crash", false));
        String eventId = outbox(ticket.getId()).get(0).getString("id");
        EventsProperties.Relay shortLease = new EventsProperties.Relay();
        shortLease.setLease(Duration.ofMillis(300));

        OutboxRelay crashing = new OutboxRelay(mongo, publisher, clock, () -> java.util.Set.of("tickets"), shortLease) {
            @Override
            protected void afterPublish(Document event) {
                throw new IllegalStateException("relay killed after publishing");
            }
        };
        assertThatThrownBy(crashing::drain).hasMessageContaining("relay killed");
        assertThat(outbox(ticket.getId())).hasSize(1); // published, but never marked sent

        Thread.sleep(400); // the crashed relay's lease expires
        OutboxRelay survivor = new OutboxRelay(mongo, publisher, clock, () -> java.util.Set.of("tickets"), shortLease);
        assertThat(survivor.drain()).isEqualTo(1);
        assertThat(outbox(ticket.getId())).isEmpty();

        List<Message> copies = drainObserver(ticket.getId(), Duration.ofSeconds(10), 2);
        assertThat(copies).extracting(m -> m.getMessageProperties().getMessageId()).containsExactly(eventId, eventId);
        await().atMost(Duration.ofSeconds(10)).until(() -> listener.attempts.get() > 0 && listener.handled.contains(eventId));
        Thread.sleep(1000);
        assertThat(listener.handled).containsOnlyOnce(eventId);
    }

    @Test
    void poisonMessageGoesToTheDeadLetterQueueAfterItsRetriesWithoutBlockingTheQueueAndCanBeRedriven() {
        Ticket poison = store.save(Ticket.open("poison", true));
        Ticket healthy = store.save(Ticket.open("healthy", false));
        String poisonId = awaitPublished(poison.getId()).getMessageProperties().getMessageId();
        String healthyId = awaitPublished(healthy.getId()).getMessageProperties().getMessageId();

        await().atMost(Duration.ofSeconds(20)).until(() -> broker.depth(broker.queue + ".dlq") == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> listener.handled.contains(healthyId));
        assertThat(listener.handled).doesNotContain(poisonId);

        Message dead = broker.receive(broker.queue + ".dlq", 5000);
        assertThat(dead.getMessageProperties().getMessageId()).isEqualTo(poisonId);
        assertThat((String) dead.getMessageProperties().getHeader(DeadLetterRecoverer.EXCEPTION_HEADER))
                .contains("cannot handle poison ticket");
        assertThat((String) dead.getMessageProperties().getHeader(DeadLetterRecoverer.ORIGINAL_QUEUE_HEADER))
                .isEqualTo(broker.queue);
        broker.template().send(broker.deadLetterExchange, broker.queue, dead); // put it back for the re-drive

        listener.poisonFixed = true;
        await().atMost(Duration.ofSeconds(5)).until(() -> broker.depth(broker.queue + ".dlq") == 1);
        assertThat(deadLetters.redrive(broker.queue, 10)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> listener.handled.contains(poisonId));
        assertThat(broker.depth(broker.queue + ".dlq")).isZero();
        listener.poisonFixed = false;
    }

    @Test
    void messageThatIsNotACloudEventIsDeadLettered() {
        MessageProperties properties = new MessageProperties();
        properties.setMessageId("garbage-" + broker.suffix);
        broker.template().send(broker.exchange, "test.ticket.opened", new Message("{not json".getBytes(), properties));
        await().atMost(Duration.ofSeconds(20)).until(() -> broker.depth(broker.queue + ".dlq") >= 1);
        Message dead = broker.receive(broker.queue + ".dlq", 5000);
        assertThat(dead.getMessageProperties().getMessageId()).isEqualTo("garbage-" + broker.suffix);
        assertThat((String) dead.getMessageProperties().getHeader(DeadLetterRecoverer.EXCEPTION_HEADER))
                .contains("not a CloudEvents JSON envelope");
    }

    @Test
    void staleWriteIsRefusedAndNothingIsOverwritten() {
        Ticket saved = store.save(Ticket.open("v0", false));
        Ticket first = mongo.findById(saved.getId(), Ticket.class);
        Ticket second = mongo.findById(saved.getId(), Ticket.class);

        first.rename("by first");
        store.save(first);
        second.rename("by second");
        assertThatThrownBy(() -> store.save(second)).isInstanceOf(OptimisticLockingFailureException.class);

        assertThat(raw(saved.getId()).getString("title")).isEqualTo("by first");
        assertThat(raw(saved.getId()).get("version", Number.class).longValue()).isEqualTo(1L);
    }

    @Test
    void clearedFieldsAreRemovedFromTheDocument() {
        Ticket ticket = Ticket.open("noted", false);
        ticket.setNote("call back");
        store.save(ticket);
        ticket.setNote(null);
        store.save(ticket);
        assertThat(raw(ticket.getId())).doesNotContainKey("note");
    }

    @Test
    void savingAfterTheRelayPublishedNeverBringsPublishedEventsBack() {
        relay.stop();
        Ticket ticket = store.save(Ticket.open("once", false));
        Ticket loadedBeforePublish = mongo.findById(ticket.getId(), Ticket.class);
        relay.drain();
        assertThat(outbox(ticket.getId())).isEmpty();

        loadedBeforePublish.rename("renamed");
        store.save(loadedBeforePublish);
        assertThat(outbox(ticket.getId())).extracting(e -> e.getString("type")).containsExactly("crm.test.ticket-renamed.v1");
    }

    private Message awaitPublished(String subject) {
        return drainObserver(subject, Duration.ofSeconds(20), 1).get(0);
    }

    /** Reads the observer queue until {@code wanted} messages about {@code subject} arrived or the time is up. */
    private List<Message> drainObserver(String subject, Duration within, int wanted) {
        List<Message> found = new ArrayList<>();
        long deadline = System.nanoTime() + within.toNanos();
        while (found.size() < wanted && System.nanoTime() < deadline) {
            Message message = broker.receive(observerQueue, 200);
            if (message != null && new String(message.getBody(), StandardCharsets.UTF_8).contains("\"subject\":\"" + subject + "\"")) {
                found.add(message);
            }
        }
        return found;
    }

    private Document raw(String id) {
        return mongo.findById(id, Document.class, "tickets");
    }

    private List<Document> outbox(String id) {
        return raw(id).getList("outbox", Document.class, List.of());
    }
}
