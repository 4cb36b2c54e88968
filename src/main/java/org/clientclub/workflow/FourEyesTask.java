package org.clientclub.workflow;

/**
 * How a BPMN user task asks for four eyes: the camunda:property {@value #PROPERTY} names the process variable that
 * holds the user who asked for what the task approves. The engine then refuses to complete the task unless someone
 * else holds it ({@link FourEyesRefused}), whichever door the completion comes through: the inbox, Tasklist or the
 * webapps' REST API.
 */
public final class FourEyesTask {

    public static final String PROPERTY = "fourEyesVariable";

    private FourEyesTask() {}
}
