package org.crmsuite.platform.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the event platform ({@code crm.events.*}). */
@ConfigurationProperties("crm.events")
public class EventsProperties {

    /** The topic exchange every service publishes to. */
    private String exchange = "crm.events";
    /** Where consumers' failed messages go, routed by the consumer queue's name to {@code <queue>.dlq}. */
    private String deadLetterExchange = "crm.dlx";
    /** CloudEvents {@code source}; defaults to {@code /<spring.application.name>}. */
    private String source;
    private final Relay relay = new Relay();
    private final Consumer consumer = new Consumer();

    public String getExchange() {
        return exchange;
    }

    public void setExchange(String exchange) {
        this.exchange = exchange;
    }

    public String getDeadLetterExchange() {
        return deadLetterExchange;
    }

    public void setDeadLetterExchange(String deadLetterExchange) {
        this.deadLetterExchange = deadLetterExchange;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public Relay getRelay() {
        return relay;
    }

    public Consumer getConsumer() {
        return consumer;
    }

    public static class Relay {
        private boolean enabled = true;
        private Duration pollInterval = Duration.ofMillis(500);
        /** How long a claimed outbox belongs to one relay before another may take it over. */
        private Duration lease = Duration.ofSeconds(30);
        /** Wait before trying again after the broker failed to confirm. */
        private Duration retryDelay = Duration.ofSeconds(2);
        private Duration confirmTimeout = Duration.ofSeconds(5);
        /** Documents claimed per collection per pass. */
        private int batchSize = 200;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Duration getPollInterval() {
            return pollInterval;
        }

        public void setPollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
        }

        public Duration getLease() {
            return lease;
        }

        public void setLease(Duration lease) {
            this.lease = lease;
        }

        public Duration getRetryDelay() {
            return retryDelay;
        }

        public void setRetryDelay(Duration retryDelay) {
            this.retryDelay = retryDelay;
        }

        public Duration getConfirmTimeout() {
            return confirmTimeout;
        }

        public void setConfirmTimeout(Duration confirmTimeout) {
            this.confirmTimeout = confirmTimeout;
        }

        public int getBatchSize() {
            return batchSize;
        }

        public void setBatchSize(int batchSize) {
            this.batchSize = batchSize;
        }
    }

    public static class Consumer {
        /** A claim on an event older than this is taken over by the next delivery (its handler crashed). */
        private Duration claimTimeout = Duration.ofMinutes(2);

        public Duration getClaimTimeout() {
            return claimTimeout;
        }

        public void setClaimTimeout(Duration claimTimeout) {
            this.claimTimeout = claimTimeout;
        }
    }
}
