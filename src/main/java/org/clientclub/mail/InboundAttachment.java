package org.clientclub.mail;

/**
 * One attachment of an inbound e-mail.
 *
 * @param index       its position among the message's attachments, from 0: staff download it by this number
 * @param fileName    the decoded file name (RFC 2047 or RFC 2231), or a made-up one when the sender gave none
 * @param contentType the declared type, lower case, without parameters
 * @param size        the decoded size in bytes
 * @param data        the decoded bytes; null when {@code size} is over the attachment limit (then {@code tooLarge})
 * @param forwarded   whether it sits inside a forwarded message (message/rfc822)
 */
public record InboundAttachment(
        int index, String fileName, String contentType, long size, byte[] data, boolean tooLarge, boolean forwarded) {

    /** By its first bytes, not by its declared type or name, which senders get wrong. */
    public boolean isPdf() {
        if (data == null || data.length < 5) {
            return false;
        }
        // "%PDF-" may follow some junk; readers accept it within the first kilobyte.
        int limit = Math.min(data.length - 4, 1024);
        for (int i = 0; i < limit; i++) {
            if (data[i] == '%'
                    && data[i + 1] == 'P'
                    && data[i + 2] == 'D'
                    && data[i + 3] == 'F'
                    && data[i + 4] == '-') {
                return true;
            }
        }
        return false;
    }

    public boolean isImage() {
        return contentType.startsWith("image/");
    }
}
