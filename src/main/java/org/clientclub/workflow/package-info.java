/**
 * The embedded Camunda 7 engine: its configuration, the staff identity store it shares with the staff app,
 * the Camunda webapps' log-in through the staff app's session, and process-wide read models such as an
 * aggregate's process history.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"security"})
package org.clientclub.workflow;
