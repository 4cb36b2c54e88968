package org.clientclub.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @Test
    void normalisesCaseAndSpaces() {
        assertThat(new EmailAddress("  Ivan.Petrov@Mail.RU ").value()).isEqualTo("ivan.petrov@mail.ru");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ivan@mail.ru", "a+b@example.org", "olga@почта.рф", "x@sub.domain.co.uk"})
    void acceptsRealAddresses(String address) {
        assertThat(EmailAddress.isValid(address)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "plain",
                "@mail.ru",
                "ivan@",
                "ivan@mail",
                "iv..an@mail.ru",
                ".ivan@mail.ru",
                "ivan.@mail.ru",
                "Ivan <ivan@mail.ru>",
                "ivan@mail.ru\r\nBcc: x@y.ru",
                "<script>@x.ru"
            })
    void rejectsWhatIsNotAnAddress(String address) {
        assertThat(EmailAddress.isValid(address)).isFalse();
        assertThatThrownBy(() -> new EmailAddress(address)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsOverlongAddresses() {
        assertThat(EmailAddress.isValid("a".repeat(64) + "@" + "b".repeat(190) + ".ru"))
                .isFalse();
    }
}
