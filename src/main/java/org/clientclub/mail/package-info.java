/**
 * E-mail to members: templates in Russian and English, the outbox that makes sending part of the business
 * transaction, the worker that sends with retry and backoff, unsubscribe, and the staff mail log. In the
 * embedded default it also runs the in-process mail server and its demo mailbox.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"security", "shared", "shared :: db"})
package org.clientclub.mail;
