package org.clientclub.shared.web;

import jakarta.servlet.http.HttpServletRequest;

/** The address a request came from, for rate limits and consent records. */
public final class ClientAddress {

    private ClientAddress() {
    }

    /**
     * The peer address as the servlet container sees it. Behind a reverse proxy, configure
     * {@code server.forward-headers-strategy=native} so that this is the client's address, not the proxy's;
     * reading X-Forwarded-For here would let any client choose its own address.
     */
    public static String of(HttpServletRequest request) {
        return request == null ? "unknown" : request.getRemoteAddr();
    }
}
