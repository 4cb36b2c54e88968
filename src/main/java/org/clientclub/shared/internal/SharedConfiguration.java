package org.clientclub.shared.internal;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SharedConfiguration {

    /** One clock for every module, so tests can move time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
