package org.crmsuite.notification;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of notification-service ({@code crm.notification.*}); admin-editable values live in the policy document. */
@ConfigurationProperties("crm.notification")
public class NotificationSettings {

    /** Feign URL overrides (empty: through the load balancer by service name). */
    private String identityUrl = "";
    private String customersUrl = "";
    private String calendarsUrl = "";
    /** The business calendar whose public holidays get care messages (served by complaint-service). */
    private String calendarId = "cn-default";
    /** Consumer queues on crm.events: staff/customer notifications and partner fan-out. */
    private String notifyQueue = "notification-service.notify";
    private String webhookQueue = "notification-service.partner-webhooks";
    private String defaultLocale = "zh-CN";
    private final Jobs jobs = new Jobs();
    private final Dispatch dispatch = new Dispatch();
    private final Directory directory = new Directory();
    private final Email email = new Email();
    private final Sms sms = new Sms();
    private final Webhook webhook = new Webhook();
    private final LocalSink localSink = new LocalSink();

    public String getIdentityUrl() { return identityUrl; }
    public void setIdentityUrl(String v) { identityUrl = v; }
    public String getCustomersUrl() { return customersUrl; }
    public void setCustomersUrl(String v) { customersUrl = v; }
    public String getCalendarsUrl() { return calendarsUrl; }
    public void setCalendarsUrl(String v) { calendarsUrl = v; }
    public String getCalendarId() { return calendarId; }
    public void setCalendarId(String v) { calendarId = v; }
    public String getNotifyQueue() { return notifyQueue; }
    public void setNotifyQueue(String v) { notifyQueue = v; }
    public String getWebhookQueue() { return webhookQueue; }
    public void setWebhookQueue(String v) { webhookQueue = v; }
    public String getDefaultLocale() { return defaultLocale; }
    public void setDefaultLocale(String v) { defaultLocale = v; }
    public Jobs getJobs() { return jobs; }
    public Dispatch getDispatch() { return dispatch; }
    public Directory getDirectory() { return directory; }
    public Email getEmail() { return email; }
    public Sms getSms() { return sms; }
    public Webhook getWebhook() { return webhook; }
    public LocalSink getLocalSink() { return localSink; }

    public static class Jobs {
        /** Schedulers on (off in tests: they call the jobs by hand at the instants they set). */
        private boolean enabled = true;
        private Duration carePassInterval = Duration.ofMinutes(15);
        private Duration digestPassInterval = Duration.ofMinutes(5);
        public boolean isEnabled() { return enabled; }
        public void setEnabled(boolean v) { enabled = v; }
        public Duration getCarePassInterval() { return carePassInterval; }
        public void setCarePassInterval(Duration v) { carePassInterval = v; }
        public Duration getDigestPassInterval() { return digestPassInterval; }
        public void setDigestPassInterval(Duration v) { digestPassInterval = v; }
    }

    public static class Dispatch {
        private Duration pollInterval = Duration.ofSeconds(1);
        private int batchSize = 100;
        /** Parallel sends per pass (one slow partner must not hold up everything else). */
        private int senders = 8;
        /** How long a claimed delivery belongs to one instance; a crash lets another take it after this. */
        private Duration claimLease = Duration.ofSeconds(60);
        /** NO-4 retry backoff of e-mail, SMS and inbox deliveries; after the last one the delivery FAILED. */
        private List<Duration> backoff = new ArrayList<>(List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
                Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(6)));
        /** Deliveries (with their attempt log) and expanded requests are kept this long (TTL index where supported). */
        private Duration retention = Duration.ofDays(180);
        public Duration getPollInterval() { return pollInterval; }
        public void setPollInterval(Duration v) { pollInterval = v; }
        public int getBatchSize() { return batchSize; }
        public void setBatchSize(int v) { batchSize = v; }
        public int getSenders() { return senders; }
        public void setSenders(int v) { senders = v; }
        public Duration getClaimLease() { return claimLease; }
        public void setClaimLease(Duration v) { claimLease = v; }
        public List<Duration> getBackoff() { return backoff; }
        public Duration getRetention() { return retention; }
        public void setRetention(Duration v) { retention = v; }
        public void setBackoff(List<Duration> v) { backoff = v; }
    }

    public static class Directory {
        /** How long a staff look-up answer is reused. */
        private Duration cacheTtl = Duration.ofSeconds(60);
        /** When identity does not answer, the notification's recipients are resolved again after this (growing). */
        private Duration retryDelay = Duration.ofMinutes(1);
        private Duration maxRetryDelay = Duration.ofMinutes(30);
        public Duration getCacheTtl() { return cacheTtl; }
        public void setCacheTtl(Duration v) { cacheTtl = v; }
        public Duration getRetryDelay() { return retryDelay; }
        public void setRetryDelay(Duration v) { retryDelay = v; }
        public Duration getMaxRetryDelay() { return maxRetryDelay; }
        public void setMaxRetryDelay(Duration v) { maxRetryDelay = v; }
    }

    public enum ProviderKind { SMTP, HTTP, FILE }

    /** One e-mail or SMS provider; the first is used, the next ones on failure (failover). */
    public static class Provider {
        private String name;
        private ProviderKind kind;
        private String host;
        private int port = 25;
        private String username;
        private String password;
        private boolean startTls;
        private String url;
        private String apiKey;
        public String getName() { return name; }
        public void setName(String v) { name = v; }
        public ProviderKind getKind() { return kind; }
        public void setKind(ProviderKind v) { kind = v; }
        public String getHost() { return host; }
        public void setHost(String v) { host = v; }
        public int getPort() { return port; }
        public void setPort(int v) { port = v; }
        public String getUsername() { return username; }
        public void setUsername(String v) { username = v; }
        public String getPassword() { return password; }
        public void setPassword(String v) { password = v; }
        public boolean isStartTls() { return startTls; }
        public void setStartTls(boolean v) { startTls = v; }
        public String getUrl() { return url; }
        public void setUrl(String v) { url = v; }
        public String getApiKey() { return apiKey; }
        public void setApiKey(String v) { apiKey = v; }
    }

    public static class Email {
        private String from = "CRM <no-reply@crm.local>";
        private Duration timeout = Duration.ofSeconds(10);
        private List<Provider> providers = new ArrayList<>();
        public String getFrom() { return from; }
        public void setFrom(String v) { from = v; }
        public Duration getTimeout() { return timeout; }
        public void setTimeout(Duration v) { timeout = v; }
        public List<Provider> getProviders() { return providers; }
        public void setProviders(List<Provider> v) { providers = v; }
    }

    public static class Sms {
        private String sender = "CRM";
        private Duration timeout = Duration.ofSeconds(5);
        private List<Provider> providers = new ArrayList<>();
        public String getSender() { return sender; }
        public void setSender(String v) { sender = v; }
        public Duration getTimeout() { return timeout; }
        public void setTimeout(Duration v) { timeout = v; }
        public List<Provider> getProviders() { return providers; }
        public void setProviders(List<Provider> v) { providers = v; }
    }

    public static class Webhook {
        /** NO-3: a partner has this long to answer. */
        private Duration timeout = Duration.ofSeconds(15);
        /** NO-3 retry schedule (Standard Webhooks); the first entry is the first attempt. */
        private List<Duration> schedule = new ArrayList<>(List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5),
                Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(14),
                Duration.ofHours(20), Duration.ofHours(24)));
        /** Each delay is moved by up to this fraction either way, so retries of many deliveries do not arrive together. */
        private double jitter = 0.1;
        /** A Retry-After longer than this is cut to it. */
        private Duration maxRetryAfter = Duration.ofHours(24);
        /** Callback URLs must be https (off only in the local profile and in tests). */
        private boolean requireHttps = true;
        /** host or host:port allowed even though it is loopback/private (a local sink, a test partner). */
        private List<String> allowedHosts = new ArrayList<>();
        /** After a rotation the previous secret still signs (a second signature) for this long. */
        private Duration secretOverlap = Duration.ofHours(24);
        public Duration getTimeout() { return timeout; }
        public void setTimeout(Duration v) { timeout = v; }
        public List<Duration> getSchedule() { return schedule; }
        public void setSchedule(List<Duration> v) { schedule = v; }
        public double getJitter() { return jitter; }
        public void setJitter(double v) { jitter = v; }
        public Duration getMaxRetryAfter() { return maxRetryAfter; }
        public void setMaxRetryAfter(Duration v) { maxRetryAfter = v; }
        public boolean isRequireHttps() { return requireHttps; }
        public void setRequireHttps(boolean v) { requireHttps = v; }
        public List<String> getAllowedHosts() { return allowedHosts; }
        public void setAllowedHosts(List<String> v) { allowedHosts = v; }
        public Duration getSecretOverlap() { return secretOverlap; }
        public void setSecretOverlap(Duration v) { secretOverlap = v; }
    }

    public static class LocalSink {
        /** Directory the FILE providers append to (one JSON line per message). */
        private String directory = "target/notification-sink";
        public String getDirectory() { return directory; }
        public void setDirectory(String v) { directory = v; }
    }
}
