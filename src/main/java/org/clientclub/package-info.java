/** The Client Club application: its entry point; the modules are the sub-packages. */
@org.jspecify.annotations.NullMarked
package org.clientclub;
