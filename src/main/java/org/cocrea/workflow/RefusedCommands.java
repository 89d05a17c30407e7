package org.cocrea.workflow;

import java.lang.reflect.Field;
import java.util.ArrayList;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes a user's mistake leave the engine as a refusal, logged once at INFO, instead of an ERROR with a stack trace:
 * <ul>
 * <li>A {@link RefusedInputException} thrown by a task listener reaches the caller wrapped by the engine
 * (ENGINE-03051 "There was an exception while invoking the TaskListener"), which the engine logs at ERROR
 * (ENGINE-16004) and the REST layer answers with 500. A command interceptor rethrows the refusal itself, with the
 * wrapper as its cause: the engine logs a {@code BadUserRequestException} at DEBUG only, the transaction still rolls
 * back, the task stays open.</li>
 * <li>Completing a task that does not exist (any more: completed by a colleague or by an earlier click) is refused
 * with {@link UnknownTaskException} (answered 404) instead of the engine's "Cannot find task with id ...: task is
 * null" (a {@code NullValueException}, logged at ERROR, answered 500).</li>
 * <li>Each refusal is logged once, at INFO, by the outermost command: the task id (for completions) and the
 * reason.</li>
 * </ul>
 * Registered as a Spring bean for the application's engine; the process tests' engine lists it in
 * {@code process-tests.cfg.xml}. Rule source: issue 10 item 2 (a refused completion reads as a refusal).
 */
@Component
public class RefusedCommands extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(RefusedCommands.class);

    /**
     * Installs the interceptor first among the custom post interceptors (outside {@link OwnedVariablesGuard}'s), so it
     * also sees the refusals of the interceptors after it.
     *
     * @param configuration the engine configuration before it builds the engine
     */
    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
        }
        configuration.getCustomPostCommandInterceptorsTxRequired().add(0, new Interceptor());
    }

    /** Unwraps refusals, refuses unknown tasks, logs. */
    static final class Interceptor extends CommandInterceptor {

        /** How many commands run on this thread (nested commands go through here too). */
        private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

        @Override
        public <T> T execute(Command<T> command) {
            int[] depth = DEPTH.get();
            depth[0]++;
            try {
                String taskId = completedTaskId(command);
                if (taskId != null && Context.getCommandContext().getTaskManager().findTaskById(taskId) == null) {
                    throw new UnknownTaskException(taskId);
                }
                return next.execute(command);
            } catch (RefusedInputException refused) {
                throw logged(command, depth[0], refused);
            } catch (RuntimeException e) {
                RefusedInputException refused = refusalIn(e);
                if (refused == null) {
                    throw e;
                }
                throw logged(command, depth[0], refused.rethrownFrom(e));
            } finally {
                if (--depth[0] == 0) {
                    DEPTH.remove();
                }
            }
        }

        private static RefusedInputException logged(Command<?> command, int depth, RefusedInputException refused) {
            if (depth == 1) {
                String taskId = completedTaskId(command);
                if (taskId != null) {
                    LOG.info("Refused completion of task {}: {}", taskId, refused.getMessage());
                } else {
                    LOG.info("Refused {}: {}", command.getClass().getSimpleName(), refused.getMessage());
                }
            }
            return refused;
        }
    }

    /** The first {@link RefusedInputException} in the cause chain, or null. */
    static RefusedInputException refusalIn(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RefusedInputException refused) {
                return refused;
            }
        }
        return null;
    }

    private static final Field COMPLETE_TASK_ID = taskIdField(CompleteTaskCmd.class);
    private static final Field SUBMIT_TASK_ID = taskIdField(SubmitTaskFormCmd.class);

    /**
     * The task a completion command names. Camunda 7.24 keeps it in the protected field {@code taskId} of
     * {@link CompleteTaskCmd} and {@link SubmitTaskFormCmd} and exposes it nowhere else; read reflectively.
     *
     * @return the task id, or null for other commands (or no id)
     */
    static String completedTaskId(Command<?> command) {
        Field field = command instanceof CompleteTaskCmd ? COMPLETE_TASK_ID
                : command instanceof SubmitTaskFormCmd ? SUBMIT_TASK_ID : null;
        if (field == null) {
            return null;
        }
        try {
            return (String) field.get(command);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read the task id of " + command.getClass().getName(), e);
        }
    }

    private static Field taskIdField(Class<?> type) {
        try {
            Field field = type.getDeclaredField("taskId");
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(type.getName() + " has no taskId field: check after a Camunda upgrade", e);
        }
    }
}
