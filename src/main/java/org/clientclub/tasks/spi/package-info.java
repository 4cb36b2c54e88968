/** Extension points for modules that show more on a task page than its Camunda Form. */
@org.springframework.modulith.NamedInterface("spi")
@org.jspecify.annotations.NullMarked
package org.clientclub.tasks.spi;
