package org.crmsuite.notification.channels;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.crmsuite.notification.NotificationSettings;
import org.crmsuite.notification.NotificationSettings.Provider;
import org.crmsuite.notification.NotificationSettings.ProviderKind;
import org.crmsuite.notification.delivery.Channel;
import org.crmsuite.notification.delivery.ChannelSender;
import org.crmsuite.notification.delivery.Delivery;
import org.crmsuite.notification.delivery.Rendered;
import org.crmsuite.notification.delivery.SendOutcome;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * NO-4 SMS through an HTTP provider API: {@code POST <url>} with {@code X-Api-Key: <key>} and
 * {@code {"to","sender","text","reference"}}; a 2xx answer is accepted. Providers are tried in order (failover).
 */
@Component
class SmsChannel implements ChannelSender {

    private final NotificationSettings settings;
    private final LocalSink sink;
    private final JsonMapper json;
    private final HttpClient http;

    SmsChannel(NotificationSettings settings, LocalSink sink, JsonMapper json) {
        this.settings = settings;
        this.sink = sink;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(settings.getSms().getTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public SendOutcome send(Delivery delivery, Rendered message) {
        List<Provider> providers = settings.getSms().getProviders();
        if (providers.isEmpty()) {
            return SendOutcome.failed("none", "no SMS provider configured");
        }
        String to = delivery.getRecipient().address();
        List<String> failures = new ArrayList<>();
        for (Provider provider : providers) {
            try {
                if (provider.getKind() == ProviderKind.FILE) {
                    sink.write("sms", to, null, message.body());
                } else {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("to", to);
                    body.put("sender", settings.getSms().getSender());
                    body.put("text", message.body());
                    body.put("reference", delivery.getId());
                    HttpRequest request = HttpRequest.newBuilder(URI.create(provider.getUrl()))
                            .timeout(settings.getSms().getTimeout())
                            .header("Content-Type", "application/json")
                            .header("X-Api-Key", provider.getApiKey() == null ? "" : provider.getApiKey())
                            .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() / 100 != 2) {
                        failures.add(provider.getName() + ": HTTP " + response.statusCode());
                        continue;
                    }
                }
                return failures.isEmpty() ? SendOutcome.sent(provider.getName())
                        : new SendOutcome(true, provider.getName(), null, "failover after " + String.join("; ", failures), false,
                                null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failures.add(provider.getName() + ": interrupted");
                break;
            } catch (Exception e) {
                failures.add(provider.getName() + ": " + EmailChannel.rootMessage(e));
            }
        }
        return SendOutcome.failed(providers.get(providers.size() - 1).getName(), String.join("; ", failures));
    }
}
