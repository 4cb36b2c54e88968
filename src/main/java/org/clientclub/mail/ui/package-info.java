/** Mail's staff views: the mail log, the club mailbox and the embedded demo mailbox. */
@org.jspecify.annotations.NullMarked
package org.clientclub.mail.ui;
