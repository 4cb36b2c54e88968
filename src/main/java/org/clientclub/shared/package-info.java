/**
 * The shared kernel: small value types every module speaks (e-mail addresses, languages), the database
 * and message-bundle infrastructure, and the staff UI frame ({@code shared.ui.MainLayout}).
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.clientclub.shared;
