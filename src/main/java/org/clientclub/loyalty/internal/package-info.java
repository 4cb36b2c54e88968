/** Loyalty's implementation: the ledger, cards, purchase imports, statements, expiry and the reactions to membership. */
@org.jspecify.annotations.NullMarked
package org.clientclub.loyalty.internal;
