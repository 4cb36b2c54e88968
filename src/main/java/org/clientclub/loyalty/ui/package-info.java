/** Loyalty's staff views: cards and points, purchase imports, earning rules and adjustment approval. */
@org.jspecify.annotations.NullMarked
package org.clientclub.loyalty.ui;
