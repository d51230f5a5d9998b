package org.crmsuite.notification.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.crmsuite.notification.NotificationSettings;
import org.crmsuite.notification.NotificationSettings.Provider;
import org.crmsuite.notification.NotificationSettings.ProviderKind;
import org.crmsuite.notification.delivery.Channel;
import org.crmsuite.notification.delivery.Delivery;
import org.crmsuite.notification.delivery.Recipient;
import org.crmsuite.notification.delivery.Rendered;
import org.crmsuite.notification.delivery.SendOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.json.JsonMapper;

/** NO-4 local run: e-mail and SMS go to the file sink, so nothing leaves the machine. */
class LocalSinkTest {

    @TempDir
    Path dir;

    private NotificationSettings settings() {
        NotificationSettings settings = new NotificationSettings();
        settings.getLocalSink().setDirectory(dir.toString());
        Provider file = new Provider();
        file.setName("local-file");
        file.setKind(ProviderKind.FILE);
        settings.getEmail().setProviders(List.of(file));
        settings.getSms().setProviders(List.of(file));
        return settings;
    }

    private static Delivery delivery(Channel channel, String address) {
        Delivery d = new Delivery();
        d.setId("d-1");
        d.setChannel(channel);
        d.setRecipient(new Recipient(Recipient.STAFF, "demo-sales-1", "Liu Yang", address, "en"));
        return d;
    }

    @Test
    void emailAndSmsOfTheLocalProfileAreWrittenToFiles_NO4() throws Exception {
        NotificationSettings settings = settings();
        LocalSink sink = new LocalSink(settings, JsonMapper.builder().build(), Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"),
                ZoneOffset.UTC));
        SendOutcome mail = new EmailChannel(settings, sink).send(delivery(Channel.EMAIL, "sales1@crm.local"),
                new Rendered("[CRM] Visit due", "Dear Liu Yang", "en", 1));
        SendOutcome sms = new SmsChannel(settings, sink, JsonMapper.builder().build()).send(delivery(Channel.SMS, "13900000004"),
                new Rendered(null, "[CRM] Walk-in visitor", "en", 1));
        assertThat(mail.sent()).isTrue();
        assertThat(sms.provider()).isEqualTo("local-file");
        assertThat(Files.readString(dir.resolve("email.jsonl"))).contains("sales1@crm.local").contains("[CRM] Visit due");
        assertThat(Files.readString(dir.resolve("sms.jsonl"))).contains("13900000004").contains("Walk-in visitor");
    }
}
