/** Named interface shared::ui: the staff UI frame, the language switch and upload texts that every module's views share. */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.NamedInterface("ui")
package org.clientclub.shared.ui;
