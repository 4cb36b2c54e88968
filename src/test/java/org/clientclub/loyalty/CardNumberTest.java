package org.clientclub.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CardNumberTest {

    @Test
    void computesTheEan13CheckDigit() {
        // 4006381333931 is a well-known valid EAN-13
        assertThat(CardNumber.checkDigit("400638133393")).isEqualTo(1);
        assertThat(CardNumber.ofSequence(1).value()).isEqualTo("2900000000018");
        assertThat(CardNumber.ofSequence(1234567).value())
                .startsWith("290001234567")
                .hasSize(13);
    }

    @Test
    void everyIssuedNumberIsValidAndAnyOneDigitTypoIsCaught() {
        for (long n = 0; n < 2000; n += 7) {
            String number = CardNumber.ofSequence(n).value();
            assertThat(CardNumber.isValid(number)).isTrue();
            for (int position = 0; position < 13; position++) {
                char original = number.charAt(position);
                char typo = original == '9' ? '0' : (char) (original + 1);
                String mistyped = number.substring(0, position) + typo + number.substring(position + 1);
                assertThat(CardNumber.isValid(mistyped)).as(mistyped).isFalse();
            }
        }
    }

    @Test
    void refusesWhatIsNotOneOfOurCards() {
        assertThat(CardNumber.isValid("4006381333931")).as("not our prefix").isFalse();
        assertThat(CardNumber.isValid("29000000000")).isFalse();
        assertThat(CardNumber.isValid("29000000000a4")).isFalse();
        assertThat(CardNumber.isValid(null)).isFalse();
        assertThatThrownBy(() -> new CardNumber("2900000000015")).isInstanceOf(IllegalArgumentException.class);
    }
}
