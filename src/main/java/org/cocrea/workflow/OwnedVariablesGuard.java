package org.cocrea.workflow;

import java.lang.reflect.Field;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractVariableCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.core.variable.scope.AbstractVariableScope;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/**
 * Keeps the variables each process owns ({@link OwnedVariables}, declared as {@code OWNED} in every definitions
 * class) out of users' reach, whatever the path into the engine:
 * <ul>
 * <li><b>Task completions</b> ({@code POST /engine-rest/task/{id}/complete} or {@code submit-form}, the Tasklist
 * internal API {@code /camunda/api/engine/engine/default/task/{id}/submit-form}, {@code TaskService.complete}): a BPMN
 * parse listener installs a built-in {@code complete} task listener on every user task, which runs before the model's
 * own listeners, when only the user's variables have been written. If the completion created, changed or removed an
 * owned variable of the task's process (other than those the task may set, {@link OwnedVariables#settableAt}), or
 * set one as a transient variable, it throws {@link RefusedInputException}: the command rolls back, the task stays
 * open, and neither runtime nor history variables keep the forged value. {@code /engine-rest} answers 400.</li>
 * <li><b>Variable updates</b> ({@code PUT/POST/DELETE} of variables on a task, execution or process instance, i.e.
 * every {@code AbstractVariableCmd} and {@code AbstractPatchVariablesCmd}): a command interceptor refuses the same changes when the caller is an
 * authenticated user outside {@code camunda-admin}. Admins keep Cockpit's repair tools; the application's own code
 * (no engine authentication) is trusted.</li>
 * </ul>
 * A change is what the command would write to the database: the engine's entity cache tells new, updated (the
 * persistent state differs from the one loaded) and deleted variable rows. Writing the same value and type back is not
 * a change, so Tasklist may return read-only form fields. Only the outermost command is judged, so a delegate that
 * writes an owned variable while a user's command runs is never mistaken for the user.
 * <p>
 * Registered as a Spring bean for the application's engine; the process tests' engine lists it in
 * {@code process-tests.cfg.xml}. Rule source: issue 9 item 1 (process-owned variables), OWASP ASVS 4.0 V4.2.1
 * (users may not change data they are not allowed to).
 */
@Component
public class OwnedVariablesGuard extends AbstractProcessEnginePlugin {

    /** Every process's declaration, by process definition key. */
    static final Map<String, OwnedVariables> ALL = index(ProposalReviewProcess.OWNED, CallForProposalsProcess.OWNED,
            CoCreationProcess.OWNED, RoundTableProcess.OWNED, CallForParticipationProcess.OWNED,
            CommitmentDraftingProcess.OWNED, CommitmentFollowUpProcess.OWNED, ActionPlanClosureProcess.OWNED);

    /** Commands running on this thread, outermost last. */
    private static final ThreadLocal<Deque<Command<?>>> COMMANDS = ThreadLocal.withInitial(ArrayDeque::new);

    private static Map<String, OwnedVariables> index(OwnedVariables... all) {
        Map<String, OwnedVariables> map = new LinkedHashMap<>();
        for (OwnedVariables o : all) {
            map.put(o.processKey(), o);
        }
        return Collections.unmodifiableMap(map);
    }

    /**
     * Installs the parse listener and the command interceptor.
     *
     * @param configuration the engine configuration before it builds the engine
     */
    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new ParseListener());
        if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
        }
        configuration.getCustomPostCommandInterceptorsTxRequired().add(new Interceptor());
    }

    /** Adds {@link CompletionCheck} to every user task, before the model's own complete listeners. */
    static final class ParseListener extends AbstractBpmnParseListener {

        private static final TaskListener CHECK = new CompletionCheck();

        @Override
        public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
            if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
                behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, CHECK);
            }
        }
    }

    /** Refuses a user's completion that wrote an owned variable. */
    static final class CompletionCheck implements TaskListener {

        @Override
        public void notify(DelegateTask task) {
            Command<?> outermost = COMMANDS.get().peekLast();
            if (!(outermost instanceof CompleteTaskCmd || outermost instanceof SubmitTaskFormCmd)) {
                return; // the application's own code completes this task inside another command
            }
            TaskEntity entity = (TaskEntity) task;
            Set<String> refused = changedOwnedVariables(task.getTaskDefinitionKey(),
                    processKey(Context.getCommandContext(), entity.getProcessDefinitionId(), null));
            refused.addAll(transientOwnedVariables(entity));
            if (!refused.isEmpty()) {
                throw refusal(refused);
            }
        }
    }

    /** Tracks the outermost command and judges variable updates once it has run, before anything is flushed. */
    static final class Interceptor extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            Deque<Command<?>> running = COMMANDS.get();
            boolean outermost = running.isEmpty();
            running.push(command);
            try {
                T result = next.execute(command);
                if (outermost && (command instanceof AbstractVariableCmd || command instanceof AbstractPatchVariablesCmd)
                        && !trustedCaller()) {
                    Set<String> refused = changedOwnedVariables(null, targetProcessKey(command));
                    if (!refused.isEmpty()) {
                        throw refusal(refused);
                    }
                }
                return result;
            } finally {
                running.pop();
                if (running.isEmpty()) {
                    COMMANDS.remove();
                }
            }
        }
    }

    /** Whether the caller is the application itself (no engine authentication) or a member of camunda-admin. */
    private static boolean trustedCaller() {
        CommandContext context = Context.getCommandContext();
        Authentication authentication = context.getAuthentication();
        return authentication == null || context.getAuthorizationManager().isCamundaAdmin(authentication);
    }

    /**
     * Owned variables the current command has created, changed or removed so far.
     *
     * @param taskId     the user task being completed (its declared settable variables are allowed), or null
     * @param commandKey the process key of the command's task or execution: a removed variable row no longer names
     *                   its process
     * @return variable names, sorted
     */
    private static Set<String> changedOwnedVariables(String taskId, String commandKey) {
        CommandContext context = Context.getCommandContext();
        Set<String> refused = new TreeSet<>();
        for (CachedDbEntity cached : context.getDbEntityManager().getDbEntityCache().getCachedEntities()) {
            if (!(cached.getEntity() instanceof VariableInstanceEntity variable) || !changed(cached)) {
                continue;
            }
            String key = processKey(context, variable.getProcessDefinitionId(), variable.getProcessInstanceId());
            OwnedVariables owned = ALL.get(key == null ? commandKey : key);
            if (owned != null && owned.protects(variable.getName(), taskId)) {
                refused.add(variable.getName());
            }
        }
        return refused;
    }

    /**
     * The process of the task or execution a variable command addresses. The engine's variable commands keep that id
     * in their protected {@code entityId} field (Camunda 7.24: {@code AbstractVariableCmd},
     * {@code AbstractPatchVariablesCmd}); read reflectively, as nothing public exposes it.
     */
    private static String targetProcessKey(Command<?> command) {
        String id = null;
        for (Class<?> type = command.getClass(); type != null && id == null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField("entityId");
                field.setAccessible(true);
                id = (String) field.get(command);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot read the target of " + command.getClass().getName(), e);
            }
        }
        if (id == null) {
            return null;
        }
        CommandContext context = Context.getCommandContext();
        TaskEntity task = context.getTaskManager().findTaskById(id);
        if (task != null) {
            return processKey(context, task.getProcessDefinitionId(), task.getProcessInstanceId());
        }
        ExecutionEntity execution = context.getExecutionManager().findExecutionById(id);
        return execution == null ? null : processKey(context, execution.getProcessDefinitionId(), null);
    }

    private static boolean changed(CachedDbEntity cached) {
        DbEntityState state = cached.getEntityState();
        return switch (state) {
            case TRANSIENT, MERGED, DELETED_PERSISTENT, DELETED_MERGED -> true;
            case PERSISTENT -> cached.isDirty();
            default -> false; // created and deleted again within the command: nothing is written
        };
    }

    /** Owned names the completion set as transient variables on the task or any enclosing execution. */
    private static List<String> transientOwnedVariables(TaskEntity task) {
        List<String> found = new ArrayList<>();
        OwnedVariables owned = ALL.get(processKey(Context.getCommandContext(), task.getProcessDefinitionId(),
                task.getProcessInstanceId()));
        if (owned == null) {
            return found;
        }
        for (String name : owned.names()) {
            for (AbstractVariableScope scope = task; scope != null; scope = scope.getParentVariableScope()) {
                if (scope.getVariableInstanceLocal(name) instanceof VariableInstanceEntity v && v.isTransient()) {
                    found.add(name);
                    break;
                }
            }
        }
        return found;
    }

    private static String processKey(CommandContext context, String processDefinitionId, String processInstanceId) {
        String definitionId = processDefinitionId;
        if (definitionId == null && processInstanceId != null) {
            ExecutionEntity instance = context.getExecutionManager().findExecutionById(processInstanceId);
            definitionId = instance == null ? null : instance.getProcessDefinitionId();
        }
        if (definitionId == null) {
            return null;
        }
        ProcessDefinition definition = context.getProcessEngineConfiguration().getDeploymentCache()
                .findDeployedProcessDefinitionById(definitionId);
        return definition == null ? null : definition.getKey();
    }

    private static RefusedInputException refusal(Set<String> names) {
        String list = String.join(", ", names);
        return RefusalTexts.refusal("refusal.ownedVariables", list);
    }
}
