package org.crmsuite.notification.channels;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import jakarta.mail.internet.MimeMessage;

import org.crmsuite.notification.NotificationSettings;
import org.crmsuite.notification.NotificationSettings.Provider;
import org.crmsuite.notification.NotificationSettings.ProviderKind;
import org.crmsuite.notification.delivery.Channel;
import org.crmsuite.notification.delivery.ChannelSender;
import org.crmsuite.notification.delivery.Delivery;
import org.crmsuite.notification.delivery.Rendered;
import org.crmsuite.notification.delivery.SendOutcome;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * NO-4 e-mail over SMTP (Spring Mail). The configured providers are tried in order: when the first fails the message
 * falls over to the next one; the attempt is logged with the provider that took it.
 */
@Component
class EmailChannel implements ChannelSender {

    private final NotificationSettings settings;
    private final LocalSink sink;
    private final List<Named> providers = new ArrayList<>();

    private record Named(Provider provider, JavaMailSenderImpl sender) {
    }

    EmailChannel(NotificationSettings settings, LocalSink sink) {
        this.settings = settings;
        this.sink = sink;
        for (Provider provider : settings.getEmail().getProviders()) {
            providers.add(new Named(provider, provider.getKind() == ProviderKind.SMTP ? smtp(provider) : null));
        }
    }

    private JavaMailSenderImpl smtp(Provider provider) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(provider.getHost());
        sender.setPort(provider.getPort());
        sender.setUsername(provider.getUsername());
        sender.setPassword(provider.getPassword());
        sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
        Properties properties = sender.getJavaMailProperties();
        String timeout = String.valueOf(settings.getEmail().getTimeout().toMillis());
        properties.put("mail.smtp.connectiontimeout", timeout);
        properties.put("mail.smtp.timeout", timeout);
        properties.put("mail.smtp.writetimeout", timeout);
        properties.put("mail.smtp.auth", String.valueOf(provider.getUsername() != null));
        properties.put("mail.smtp.starttls.enable", String.valueOf(provider.isStartTls()));
        return sender;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public SendOutcome send(Delivery delivery, Rendered message) {
        String to = delivery.getRecipient().address();
        if (providers.isEmpty()) {
            return SendOutcome.failed("none", "no e-mail provider configured");
        }
        List<String> failures = new ArrayList<>();
        for (Named named : providers) {
            try {
                if (named.sender() == null) {
                    sink.write("email", to, message.subject(), message.body());
                } else {
                    MimeMessage mime = named.sender().createMimeMessage();
                    MimeMessageHelper helper = new MimeMessageHelper(mime, false, StandardCharsets.UTF_8.name());
                    helper.setFrom(settings.getEmail().getFrom());
                    helper.setTo(to);
                    helper.setSubject(message.subject());
                    helper.setText(message.body(), false);
                    mime.setHeader("X-CRM-Delivery", delivery.getId());
                    named.sender().send(mime);
                }
                return failures.isEmpty() ? SendOutcome.sent(named.provider().getName())
                        : new SendOutcome(true, named.provider().getName(), null, "failover after " + String.join("; ", failures),
                                false, null);
            } catch (Exception e) {
                failures.add(named.provider().getName() + ": " + rootMessage(e));
            }
        }
        return SendOutcome.failed(providers.get(providers.size() - 1).provider().getName(), String.join("; ", failures));
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
