/** Workflow's implementation: engine plugins and configuration, the webapps' log-in and authorizations, the identity store behind security's StaffDirectory. */
@org.jspecify.annotations.NullMarked
package org.clientclub.workflow.internal;
