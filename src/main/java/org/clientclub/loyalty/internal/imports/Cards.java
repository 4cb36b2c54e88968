package org.clientclub.loyalty.internal.imports;

import java.util.Arrays;

/** The batch's cards that earn, by number. */
final class Cards {
    private final long[] numbers;
    private final long[] members;
    private final long[] ids;

    Cards(long[] numbers, long[] members, long[] ids) {
        this.numbers = numbers;
        this.members = members;
        this.ids = ids;
    }

    /** @return the card's index, negative when it does not earn */
    int find(long number) {
        return Arrays.binarySearch(numbers, number);
    }

    int size() {
        return numbers.length;
    }

    long member(int card) {
        return members[card];
    }

    long cardId(int card) {
        return ids[card];
    }
}
