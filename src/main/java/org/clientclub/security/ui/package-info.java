/** The staff log-in view. */
@org.jspecify.annotations.NullMarked
package org.clientclub.security.ui;
