package org.crmsuite.notification.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.crmsuite.notification.NotificationSettings;
import org.crmsuite.platform.web.DomainException;
import org.junit.jupiter.api.Test;

/** NO-3 callback URL rules without Spring: https outside the local profile; allow-listed hosts by host or host:port. */
class CallbackUrlsTest {

    @Test
    void plainHttpIsRefusedWhenHttpsIsRequired_NO3() {
        NotificationSettings settings = new NotificationSettings();
        CallbackUrls urls = new CallbackUrls(settings);
        assertThatThrownBy(() -> urls.check("http://93.184.216.34/hook")).isInstanceOf(DomainException.class)
                .hasMessageContaining("only https").extracting(e -> ((DomainException) e).code())
                .isEqualTo("subscription.url-forbidden");
        assertThat(urls.check("https://93.184.216.34/hook").getHost()).isEqualTo("93.184.216.34");
    }

    @Test
    void anAllowListedLoopbackSinkIsAcceptedOnlyOnItsPort_NO3() {
        NotificationSettings settings = new NotificationSettings();
        settings.getWebhook().setRequireHttps(false);
        settings.getWebhook().setAllowedHosts(List.of("127.0.0.1:8099"));
        CallbackUrls urls = new CallbackUrls(settings);
        assertThat(urls.check("http://127.0.0.1:8099/hooks").getPort()).isEqualTo(8099);
        assertThatThrownBy(() -> urls.check("http://127.0.0.1:8085/api")).hasMessageContaining("loopback");
    }

    @Test
    void signatureMatchesTheStandardWebhooksTestVector_NO3() {
        // the example of the Standard Webhooks specification
        assertThat(WebhookSignature.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
                "{\"test\": 2432232314}")).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }
}
