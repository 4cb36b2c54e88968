/**
 * Where other modules take the club mailbox's messages: an {@link org.clientclub.mail.spi.InboundMailHandler} per
 * kind of message, asked in order.
 */
@org.springframework.modulith.NamedInterface("spi")
@org.jspecify.annotations.NullMarked
package org.clientclub.mail.spi;
