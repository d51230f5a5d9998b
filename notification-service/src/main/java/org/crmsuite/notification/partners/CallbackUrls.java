package org.crmsuite.notification.partners;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.crmsuite.notification.NotificationSettings;
import org.crmsuite.platform.web.DomainException;
import org.springframework.stereotype.Component;

/**
 * NO-3 callback URL policy (no SSRF into the suite): https only (outside the local profile), no user info, and the
 * host must not resolve to a loopback, link-local (cloud metadata), private, carrier-grade NAT, unspecified or
 * multicast address, unless {@code host} or {@code host:port} is allow-listed. Checked when a subscription is saved and
 * again before every delivery (the name may resolve elsewhere by then).
 */
@Component
public class CallbackUrls {

    public static final String FORBIDDEN = "subscription.url-forbidden";

    private final NotificationSettings settings;

    public CallbackUrls(NotificationSettings settings) {
        this.settings = settings;
    }

    public URI check(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            throw forbidden(url, "not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw forbidden(url, "only https callback URLs");
        }
        if (host == null || host.isBlank()) {
            throw forbidden(url, "no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw forbidden(url, "user info in the URL is not allowed");
        }
        if (uri.getRawFragment() != null) {
            throw forbidden(url, "fragments are not allowed");
        }
        boolean allowListed = allowListed(host, uri.getPort());
        if (scheme.equals("http") && settings.getWebhook().isRequireHttps()) {
            throw forbidden(url, "only https callback URLs");
        }
        if (allowListed) {
            return uri;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw forbidden(url, "the host does not resolve");
        }
        for (InetAddress address : addresses) {
            String why = internal(address);
            if (why != null) {
                throw forbidden(url, "the host resolves to a " + why + " address");
            }
        }
        return uri;
    }

    private boolean allowListed(String host, int port) {
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        for (String entry : settings.getWebhook().getAllowedHosts()) {
            String e = entry.toLowerCase(Locale.ROOT);
            if (e.equals(bare.toLowerCase(Locale.ROOT)) || port > 0 && e.equals(bare.toLowerCase(Locale.ROOT) + ":" + port)) {
                return true;
            }
        }
        return false;
    }

    /** Why an address is inside (not the public internet), or null. */
    static String internal(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return "loopback";
        }
        if (address.isLinkLocalAddress()) {
            return "link-local";
        }
        if (address.isSiteLocalAddress()) {
            return "private";
        }
        if (address.isAnyLocalAddress()) {
            return "unspecified";
        }
        if (address.isMulticastAddress()) {
            return "multicast";
        }
        byte[] b = address.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0 || first == 100 && second >= 64 && second <= 127 || first == 198 && (second == 18 || second == 19)
                    || first >= 240) {
                return "reserved";
            }
        }
        if (address instanceof Inet6Address && b.length == 16) {
            if ((b[0] & 0xfe) == 0xfc) {
                return "private";
            }
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return internal(InetAddress.getByAddress(new byte[] { b[12], b[13], b[14], b[15] }));
                } catch (UnknownHostException impossible) {
                    return "reserved";
                }
            }
        }
        return null;
    }

    static DomainException forbidden(String url, String why) {
        return DomainException.badRequest(FORBIDDEN, "url: " + why).with("errors",
                List.of(Map.of("field", "url", "message", why)));
    }
}
