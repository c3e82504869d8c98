package org.jotrs.webhook.internal;

import java.net.IDN;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Which URLs a webhook may call: http or https, with a host, without credentials in the URL; and,
 * unless {@code jotrs.webhook.allow-private-networks} is on, only hosts whose every address is
 * public (not loopback, private, link-local, unique-local, multicast or the wildcard address), so
 * an administrator's webhook cannot probe or call services inside the network Jotrs runs in. The
 * address check runs when a webhook is saved and again before each attempt, since a host's
 * addresses can change.
 */
@Component
class ReceiverAddresses {

    private final WebhookProperties properties;

    ReceiverAddresses(WebhookProperties properties) {
        this.properties = properties;
    }

    /** What is wrong with the URL as typed, or empty when it is a usable http(s) URL. */
    Optional<String> problemWithUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("scheme");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("userinfo");
        }
        return Optional.empty();
    }

    /**
     * Why a host may not be called: an internal address (its value the address) or an unknown
     * host (its value the host name).
     */
    record HostProblem(boolean internal, String value) {

        /** As the delivery log stores it (in English, like every stored text). */
        String logged() {
            return internal ? value + " is an internal address (jotrs.webhook.allow-private-networks is off)"
                    : "unknown host " + value;
        }

        /** The bundle key of the refusal an administrator reads. */
        String messageKey() {
            return internal ? "validation.webhook.internal-address" : "validation.webhook.unknown-host";
        }
    }

    /** Why the host may not be called, or empty when it may (resolving it now). */
    Optional<HostProblem> problemWithHost(URI uri) {
        if (properties.allowPrivateNetworks()) {
            return Optional.empty();
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(IDN.toASCII(uri.getHost()))) {
                if (internal(address)) {
                    return Optional.of(new HostProblem(true, address.getHostAddress()));
                }
            }
            return Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.of(new HostProblem(false, uri.getHost()));
        }
    }

    static boolean internal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) == 0xfc; // fc00::/7, unique local
        }
        // 100.64.0.0/10 (carrier-grade NAT) and 169.254/16 are not public either.
        return (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64 || (bytes[0] & 0xff) == 0;
    }
}
