/**
 * Operations: what an administrator looks at to see how the app is doing, as pictures rather than tables. It owns no
 * data; it charts the figures that the mail and workflow modules count per hour.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"mail", "workflow", "security", "shared", "shared :: ui"})
package org.clientclub.operations;
