package org.clientclub.mail;

import java.util.Objects;

/**
 * An image that travels inside a message rather than by a link, so mail clients that block remote images still show
 * it. Put it in an {@link OutgoingMail}'s model; the template refers to it by its key, which renders as
 * {@code cid:<key>}.
 */
public record InlineImage(String contentType, byte[] data) {

    public InlineImage {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(data, "data");
        data = data.clone();
    }

    public static InlineImage png(byte[] data) {
        return new InlineImage("image/png", data);
    }

    @Override
    public byte[] data() {
        return data.clone();
    }
}
