package org.clientclub.shared.i18n;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One message source for views, e-mails, public pages and PDFs: {@code messages*.properties} through ICU. */
@Configuration(proxyBeanMethods = false)
class MessagesConfiguration {

    /** Named {@code messageSource}: the application context, and so Thymeleaf, read messages through it. */
    @Bean
    MessageSource messageSource() {
        return new IcuMessageSource("messages");
    }
}
