/** Reading a stored message: MIME walk, charsets and encoded words, attachments, robots and sender authentication. */
@org.jspecify.annotations.NullMarked
package org.clientclub.mail.internal.parse;
