/**
 * The shared kernel: small value types every module speaks (e-mail addresses, languages), the database
 * and message-bundle infrastructure, and the staff UI frame ({@code shared.ui.MainLayout}). Closed: other modules
 * see its root types and the named interfaces {@code shared :: db}, {@code shared :: i18n}, {@code shared :: ui} and
 * {@code shared :: web}, each declared in its package, and shared itself depends on no module.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(
        type = org.springframework.modulith.ApplicationModule.Type.CLOSED,
        allowedDependencies = {})
package org.clientclub.shared;
