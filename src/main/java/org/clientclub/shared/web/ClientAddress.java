package org.clientclub.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** The address a request came from, for rate limits and consent records. */
public final class ClientAddress {

    private static final Pattern IPV4 =
            Pattern.compile("^(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}$");
    private static final Pattern IPV6_CHARS = Pattern.compile("^[0-9A-Fa-f:.]+$");

    private ClientAddress() {}

    /**
     * The peer address as the servlet container sees it. Behind a reverse proxy, configure
     * {@code server.forward-headers-strategy=native} so that this is the client's address, not the proxy's;
     * reading X-Forwarded-For here would let any client choose its own address.
     */
    public static String of(HttpServletRequest request) {
        return request == null ? "unknown" : request.getRemoteAddr();
    }

    /**
     * The key a rate limit counts an address under: an IPv4 address as it is, an IPv6 address by its /64
     * network, since one subscriber is handed a whole /64 and could use a new address for every request. An
     * IPv4-mapped IPv6 address counts as its IPv4 address. Anything else (no address, garbage) shares one key.
     */
    public static String rateLimitKey(String address) {
        if (address == null) {
            return "unknown";
        }
        String candidate = address.trim();
        if (candidate.startsWith("[") && candidate.endsWith("]")) {
            candidate = candidate.substring(1, candidate.length() - 1);
        }
        int zone = candidate.indexOf('%');
        if (zone >= 0) {
            candidate = candidate.substring(0, zone);
        }
        if (IPV4.matcher(candidate).matches()) {
            return "ip4:" + candidate;
        }
        // Only a literal with a colon reaches InetAddress, which then parses it and never asks the DNS.
        if (!candidate.contains(":") || !IPV6_CHARS.matcher(candidate).matches()) {
            return "unknown";
        }
        InetAddress parsed;
        try {
            parsed = InetAddress.getByName(candidate);
        } catch (UnknownHostException e) {
            return "unknown";
        }
        if (parsed instanceof Inet4Address mapped) {
            return "ip4:" + mapped.getHostAddress();
        }
        if (!(parsed instanceof Inet6Address)) {
            return "unknown";
        }
        byte[] network = new byte[8];
        System.arraycopy(parsed.getAddress(), 0, network, 0, 8);
        return "ip6:" + HexFormat.of().formatHex(network).toLowerCase(Locale.ROOT) + "/64";
    }
}
