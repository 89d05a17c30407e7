package org.cocrea.workflow;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who is completing a task: the authenticated Tasklist or REST user, else the task's assignee. */
final class Actors {

    private Actors() {
    }

    /**
     * @param task the task being completed
     * @return the Camunda user id, or null when the engine was called without a user (tests, system jobs)
     */
    static String of(DelegateTask task) {
        Authentication auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return auth != null && auth.getUserId() != null ? auth.getUserId() : task.getAssignee();
    }
}
