package org.clientclub.membership;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A member, as other modules and pages refer to one: the {@code membership_member} row's id. Prints as the bare
 * number, so keys and URLs built from it read as before; in JSON too, so stored {@link MemberJoined} publications
 * read the same before and after the id became a type.
 */
public record MemberId(@JsonValue long value) {

    public MemberId {
        if (value <= 0) {
            throw new IllegalArgumentException("Not a member id: " + value);
        }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static MemberId of(long value) {
        return new MemberId(value);
    }

    /** @throws IllegalArgumentException when the text is not a member id */
    public static MemberId parse(String text) {
        try {
            return of(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a member id: " + text, e);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
