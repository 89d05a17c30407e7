package org.cocrea.workflow;

/**
 * A completion named a task that does not exist: it never did, or it was completed (by someone else, or by an earlier
 * click) since the user opened it. {@link RefusedInputRestMapper} answers 404 with the reason.
 * <p>
 * The engine-boundary form of a "not found", not {@link org.cocrea.kernel.NotFoundException}: it is thrown inside an
 * engine command, so it must be a {@code BadUserRequestException} (the command rolls back, the engine logs it at DEBUG)
 * and it is answered by the JAX-RS mappers of {@code /engine-rest}, which know nothing of Spring MVC's
 * {@code @ResponseStatus}.
 */
public class UnknownTaskException extends RefusedInputException {

    private final String taskId;

    /** @param taskId the task id the caller gave */
    public UnknownTaskException(String taskId) {
        super(RefusalTexts.spanish("refusal.unknownTask", taskId), RefusalTexts.english("refusal.unknownTask", taskId),
                null);
        this.taskId = taskId;
    }

    private UnknownTaskException(UnknownTaskException refusal, Throwable cause) {
        super(refusal, cause);
        this.taskId = refusal.taskId;
    }

    /** @return the task id the caller gave */
    public String taskId() {
        return taskId;
    }

    @Override
    RefusedInputException rethrownFrom(Throwable cause) {
        return new UnknownTaskException(this, cause);
    }
}
