/** Extension points for modules that add to what membership sends its members. */
@org.springframework.modulith.NamedInterface("spi")
@org.jspecify.annotations.NullMarked
package org.clientclub.membership.spi;
