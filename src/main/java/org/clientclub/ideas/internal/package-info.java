/** Ideas' implementation: the ideas and their supporters, photos and proposal links, in the module's own tables. */
@org.jspecify.annotations.NullMarked
package org.clientclub.ideas.internal;
