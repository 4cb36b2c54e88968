/**
 * Staff log-in and roles. Staff accounts live in one identity store that the staff app and the Camunda
 * webapps share; this module defines the roles ({@link org.clientclub.security.AppRoles}) and the port to
 * that store ({@link org.clientclub.security.StaffDirectory}).
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared :: ui", "shared :: web"})
package org.clientclub.security;
