/** Ideas' pages: the member's proposal page, opened from the personal link in a club e-mail. */
@org.jspecify.annotations.NullMarked
package org.clientclub.ideas.ui;
