package org.cocrea.notification;

/**
 * A member of a task's candidate group who should hear about the task.
 *
 * @param userId    Camunda user id
 * @param email     the user's e-mail; users without one are skipped
 * @param firstName for the greeting, may be null
 */
public record TaskRecipient(String userId, String email, String firstName) {
}
