package org.clientclub.ideas;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a member typed and attached, as it arrived: {@link IdeaService#submit} checks it and refuses it whole with an
 * {@link IdeaRefused} that says what to change.
 *
 * @param postcode a post office's six-digit postcode, or null when the idea is about no particular office
 * @param photos the uploaded files as they came, at most {@link IdeaRules#MAX_PHOTOS}
 */
public record IdeaDraft(
        String title,
        String description,
        IdeaTopic topic,
        @Nullable String postcode,
        List<byte[]> photos) {

    public IdeaDraft {
        photos = List.copyOf(photos);
    }
}
