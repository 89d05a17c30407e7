package org.cocrea.workflow;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The process variables one process definition owns: ids, routing facts, candidate groups and due dates that only its
 * delegates and listeners write. {@link OwnedVariablesGuard} refuses any task completion that sets, changes or removes
 * one of them (except at the user tasks declared with {@link #settableAt(String, String...)}, e.g. the triage task
 * whose form picks the area), and any variable update by a non-admin through the variable API.
 * <p>
 * Each definitions class declares its own instance as {@code OWNED}; {@link OwnedVariablesGuard} lists them.
 * Setting an owned variable to the value (and type) it already has is not a change: Tasklist sends read-only form
 * fields back as they were shown.
 *
 * @param processKey the process definition key
 * @param names      the owned variable names
 * @param settable   per user task id (BPMN element id), the owned variables its completion may set
 */
public record OwnedVariables(String processKey, Set<String> names, Map<String, Set<String>> settable) {

    /** Variables the engine itself keeps on multi-instance activities; owned by every process. */
    static final Set<String> MULTI_INSTANCE = Set.of("loopCounter", "nrOfInstances", "nrOfActiveInstances",
            "nrOfCompletedInstances");

    /**
     * @throws NullPointerException when an argument is null
     */
    public OwnedVariables {
        Objects.requireNonNull(processKey, "processKey");
        Set<String> all = new LinkedHashSet<>(names);
        all.addAll(MULTI_INSTANCE);
        names = Collections.unmodifiableSet(all);
        settable = Map.copyOf(settable);
    }

    /**
     * Declares what a process owns.
     *
     * @param processKey the process definition key
     * @param names      the variable names only the process writes
     * @return the declaration, with no task allowed to set any of them
     */
    public static OwnedVariables of(String processKey, String... names) {
        return new OwnedVariables(processKey, new LinkedHashSet<>(List.of(names)), Map.of());
    }

    /**
     * Allows the completion of one user task to set some owned variables (its form is where that fact is decided).
     *
     * @param taskId the user task's BPMN element id
     * @param names  owned variables its completion may set
     * @return a new declaration
     * @throws IllegalArgumentException when a name is not owned (a typo would silently allow nothing)
     */
    public OwnedVariables settableAt(String taskId, String... names) {
        Map<String, Set<String>> copy = new LinkedHashMap<>(settable);
        for (String name : names) {
            if (!this.names.contains(name)) {
                throw new IllegalArgumentException(name + " is not owned by " + processKey);
            }
        }
        copy.put(taskId, Set.of(names));
        return new OwnedVariables(processKey, names(), copy);
    }

    /**
     * @param name   a variable name
     * @param taskId the user task being completed, or null for a variable update outside a completion
     * @return whether writing {@code name} there must be refused
     */
    boolean protects(String name, String taskId) {
        return names.contains(name) && (taskId == null || !settable.getOrDefault(taskId, Set.of()).contains(name));
    }
}
