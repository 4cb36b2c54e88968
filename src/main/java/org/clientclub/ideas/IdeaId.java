package org.clientclub.ideas;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** An idea, as pages, events and other modules refer to one: the {@code ideas_idea} row's id. */
public record IdeaId(@JsonValue long value) {

    public IdeaId {
        if (value <= 0) {
            throw new IllegalArgumentException("Not an idea id: " + value);
        }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static IdeaId of(long value) {
        return new IdeaId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
