/** Named interface shared::i18n: Vaadin's translations from the message bundles. */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.NamedInterface("i18n")
package org.clientclub.shared.i18n;
