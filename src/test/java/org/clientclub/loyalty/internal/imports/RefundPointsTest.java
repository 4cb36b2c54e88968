package org.clientclub.loyalty.internal.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How many points a refund takes back from a receipt: those of the full hundreds of roubles no longer bought. */
class RefundPointsTest {

    @Test
    void aRefundKeepsThePointsOfTheFullHundredsLeft() {
        // 1 999,99 roubles earned 19 hundreds x 5 = 95 points
        assertThat(RefundBooking.pointsTakenBack(95, 199_999, 99_999, 0))
                .as("1 000,00 left")
                .isEqualTo(45);
        assertThat(RefundBooking.pointsTakenBack(95, 199_999, 100, 0))
                .as("1 998,99 left: 19 hundreds still")
                .isZero();
        assertThat(RefundBooking.pointsTakenBack(95, 199_999, 199_999, 45))
                .as("the rest, after 45 taken back")
                .isEqualTo(50);
    }

    @Test
    void aReceiptUnderAHundredOrWithoutItsAmountGivesBackWhatIsLeft() {
        assertThat(RefundBooking.pointsTakenBack(0, 9_999, 9_999, 0)).isZero();
        assertThat(RefundBooking.pointsTakenBack(60, -1, 5_000, 0))
                .as("booked before amounts were kept")
                .isEqualTo(60);
        assertThat(RefundBooking.pointsTakenBack(60, -1, 10_000, 60)).isZero();
    }
}
