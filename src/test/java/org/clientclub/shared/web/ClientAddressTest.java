package org.clientclub.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The key a rate limit counts a client under: one per IPv4 address, one per IPv6 /64, never a DNS look-up. */
class ClientAddressTest {

    @Test
    void anIpv4AddressIsItsOwnKey() {
        assertThat(ClientAddress.rateLimitKey("203.0.113.7")).isEqualTo("ip4:203.0.113.7");
        assertThat(ClientAddress.rateLimitKey("203.0.113.8")).isNotEqualTo(ClientAddress.rateLimitKey("203.0.113.7"));
    }

    @Test
    void everyAddressOfOneIpv6Slash64SharesOneKey() {
        String key = ClientAddress.rateLimitKey("2001:db8:1:2::1");

        assertThat(key).isEqualTo("ip6:20010db800010002/64");
        assertThat(ClientAddress.rateLimitKey("2001:db8:1:2:ffff:ffff:ffff:fffe"))
                .isEqualTo(key);
        assertThat(ClientAddress.rateLimitKey("2001:0DB8:0001:0002:abcd::9"))
                .as("case and zeros")
                .isEqualTo(key);
        assertThat(ClientAddress.rateLimitKey("[2001:db8:1:2::77]"))
                .as("brackets")
                .isEqualTo(key);
        assertThat(ClientAddress.rateLimitKey("2001:db8:1:2::5%eth0"))
                .as("a zone")
                .isEqualTo(key);
        assertThat(ClientAddress.rateLimitKey("2001:db8:1:3::1"))
                .as("the next /64")
                .isNotEqualTo(key);
    }

    @Test
    void anIpv4MappedIpv6AddressCountsAsTheIpv4Address() {
        assertThat(ClientAddress.rateLimitKey("::ffff:203.0.113.7")).isEqualTo("ip4:203.0.113.7");
    }

    @Test
    void garbageAndMissingAddressesShareOneKeyWithoutAskingTheDns() {
        assertThat(ClientAddress.rateLimitKey(null)).isEqualTo("unknown");
        assertThat(ClientAddress.rateLimitKey("")).isEqualTo("unknown");
        assertThat(ClientAddress.rateLimitKey("example.org")).isEqualTo("unknown");
        assertThat(ClientAddress.rateLimitKey("1.2.3.4.5")).isEqualTo("unknown");
        assertThat(ClientAddress.rateLimitKey("999.1.1.1")).isEqualTo("unknown");
        assertThat(ClientAddress.rateLimitKey("2001:db8::g")).isEqualTo("unknown");
        assertThat(ClientAddress.rateLimitKey("1:2:3:4:5:6:7:8:9")).isEqualTo("unknown");
    }
}
