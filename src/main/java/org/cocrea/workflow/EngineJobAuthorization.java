package org.cocrea.workflow;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.AuthorizationCommandChecker;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobStateCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobListener;
import org.camunda.bpm.engine.impl.jobexecutor.JobFailureCollector;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.stereotype.Component;

/**
 * Engine-wide jobs are for administrators only. Camunda checks a job through its process instance or definition and
 * lets anyone change a "standalone" job, one that belongs to no process: the history-cleanup job (which deletes old
 * personal data, Ley 25.326) and batch jobs. So any authenticated user could stop the cleanup over
 * {@code /engine-rest/job/{id}} (retries, suspended, duedate, priority, execute, DELETE). With this plugin those
 * operations on a standalone job need membership of {@code camunda-admin}, on every channel ({@code /engine-rest},
 * the webapps' API, the Java API with an authenticated user); the engine itself (job executor, start-up, application
 * code without a user) is not affected. Jobs of processes keep Camunda's checks (UPDATE on the process instance or
 * UPDATE_INSTANCE on the definition).
 *
 * <p>Refusals are {@link org.camunda.bpm.engine.AuthorizationException}s (REST: 403).
 */
@Component
class EngineJobAuthorization extends AbstractProcessEnginePlugin {

    private static final Field JOB_ID;
    private static final Field FAILURE_COLLECTOR;

    static {
        try {
            JOB_ID = AbstractSetJobStateCmd.class.getDeclaredField("jobId");
            JOB_ID.setAccessible(true);
            FAILURE_COLLECTOR = FailedJobListener.class.getDeclaredField("jobFailureCollector");
            FAILURE_COLLECTOR.setAccessible(true);
        } catch (NoSuchFieldException e) {
            // Fail closed: without it, suspending the history-cleanup job would be open to every user again.
            throw new IllegalStateException("This Camunda version lacks a field EngineJobAuthorization relies on", e);
        }
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> post = configuration.getCustomPostCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
        post.add(new StandaloneJobSuspensionGuard());
        configuration.setCustomPostCommandInterceptorsTxRequired(post);
    }

    /** Replaces Camunda's authorization checker by one that also guards standalone jobs. */
    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandChecker> checkers = configuration.getCommandCheckers();
        boolean replaced = false;
        for (int i = 0; i < checkers.size(); i++) {
            if (checkers.get(i).getClass() == AuthorizationCommandChecker.class) {
                checkers.set(i, new StandaloneJobChecker());
                replaced = true;
            }
        }
        if (!replaced) {
            throw new IllegalStateException("Camunda's AuthorizationCommandChecker not found: " + checkers);
        }
    }

    /** Requires camunda-admin for the current user; passes when no user is authenticated (the engine itself). */
    static void requireAdmin() {
        Context.getCommandContext().getAuthorizationManager().checkCamundaAdmin();
    }

    static boolean standalone(JobEntity job) {
        return job != null && job.getProcessDefinitionKey() == null;
    }

    /** Camunda's checks, plus camunda-admin for standalone jobs and job definitions of no process. */
    static final class StandaloneJobChecker extends AuthorizationCommandChecker {

        @Override
        public void checkReadJob(JobEntity job) {
            if (standalone(job)) {
                requireAdmin();
            } else {
                super.checkReadJob(job);
            }
        }

        @Override
        public void checkUpdateJob(JobEntity job) {
            if (standalone(job)) {
                requireAdmin();
            } else {
                super.checkUpdateJob(job);
            }
        }

        @Override
        public void checkUpdateRetriesJob(JobEntity job) {
            if (standalone(job)) {
                requireAdmin();
            } else {
                super.checkUpdateRetriesJob(job);
            }
        }

        /** Called with a null key for a job definition of no process (batches). */
        @Override
        public void checkUpdateProcessInstanceByProcessDefinitionKey(String processDefinitionKey) {
            if (processDefinitionKey == null) {
                requireAdmin();
            } else {
                super.checkUpdateProcessInstanceByProcessDefinitionKey(processDefinitionKey);
            }
        }
    }

    /**
     * Two gaps the checkers cannot close. Suspending or activating one job by id checks nothing when the job belongs
     * to no process (Camunda's {@code AbstractSetJobStateCmd} only consults the checkers through the process):
     * require camunda-admin then. And a refused {@code POST /job/{id}/execute} still counts as a failed run, so each
     * unauthorized attempt took one retry off the job (three attempts and the cleanup job stopped): a failed-job
     * listener whose failure is an {@link AuthorizationException} is skipped, since the job did not run.
     */
    static final class StandaloneJobSuspensionGuard extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            if (command instanceof AbstractSetJobStateCmd) {
                String jobId = (String) read(JOB_ID, command);
                CommandContext context = Context.getCommandContext();
                if (jobId != null && context != null && standalone(context.getJobManager().findJobById(jobId))) {
                    requireAdmin();
                }
            } else if (command instanceof FailedJobListener) {
                JobFailureCollector failure = (JobFailureCollector) read(FAILURE_COLLECTOR, command);
                if (failure != null && refused(failure.getFailure())) {
                    return null;
                }
            }
            return next.execute(command);
        }

        private static boolean refused(Throwable failure) {
            for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof AuthorizationException) {
                    return true;
                }
            }
            return false;
        }

        private static Object read(Field field, Object target) {
            try {
                return field.get(target);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
