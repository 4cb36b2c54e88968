package org.clientclub.tasks;

/** The task approves something the user asked for themselves; a colleague must complete it. */
public class FourEyesRequired extends RuntimeException {

    public FourEyesRequired() {
        super("A colleague must complete this task");
    }
}
