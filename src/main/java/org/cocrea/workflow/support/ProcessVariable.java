package org.cocrea.workflow.support;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * One process variable as a typed value: its name, its Java type and how a stored value is read, declared once in
 * the process's definitions class (e.g. {@code ProposalReviewProcess.AREA_GROUP_VAR}) and used wherever the variable
 * is read or written, instead of the name as a string and a cast. The idea is holunda-io's camunda-bpm-data
 * ({@code VariableFactory}), reduced to what Cocrea needs.
 * <p>
 * Two families:
 * <ul>
 * <li>{@link #of(String, Class)} and {@link #wholeNumber(String)}: values Java code set (ids, routing facts). A value
 * of another type is a programming error: {@link IllegalStateException} naming the variable, the expected and the
 * found type.</li>
 * <li>{@link #text(String)}, {@link #instant(String)}, {@link #bool(String)}, {@link #integer(String)},
 * {@link #list(String)}: form fields as Tasklist's Camunda Forms submit them (see {@link FormFields}), lenient about the
 * representation and strict about the meaning: a value that cannot be read is refused with
 * {@code org.cocrea.workflow.RefusedInputException} naming the field (HTTP 400 in Tasklist and the REST API).</li>
 * </ul>
 * Reads are optional ({@code get}: null when absent, for {@link #list(String)} an empty list) or required
 * ({@code required}: {@link IllegalStateException} when absent). Values are immutable and thread-safe.
 *
 * @param <T> the Java type read and written
 */
public final class ProcessVariable<T> {

    private final String name;
    private final Class<T> type;
    /** (variable name, stored value or null) to the typed value, null when absent. */
    private final BiFunction<String, Object, T> reader;

    private ProcessVariable(String name, Class<T> type, BiFunction<String, Object, T> reader) {
        this.name = Objects.requireNonNull(name);
        this.type = Objects.requireNonNull(type);
        this.reader = reader;
    }

    /**
     * A variable Java code sets, read as it is stored.
     *
     * @param name variable name, e.g. {@code callId}
     * @param type the stored type, e.g. {@code Long.class}
     * @param <T>  the type
     * @return the variable; reading a value of another type throws {@link IllegalStateException}
     */
    public static <T> ProcessVariable<T> of(String name, Class<T> type) {
        return new ProcessVariable<>(name, type, (n, value) -> {
            if (value == null || type.isInstance(value)) {
                return type.cast(value);
            }
            throw new IllegalStateException("Process variable '" + n + "' must be a " + type.getSimpleName()
                    + " but is a " + value.getClass().getName());
        });
    }

    /**
     * A whole number stored as any {@link Number} (Integer, Long; e.g. a multi-instance element or a REST start).
     *
     * @param name variable name
     * @return the variable, read as {@link Number#longValue()}; a non-number throws {@link IllegalStateException}
     */
    public static ProcessVariable<Long> wholeNumber(String name) {
        return new ProcessVariable<>(name, Long.class, (n, value) -> {
            if (value == null) {
                return null;
            }
            if (value instanceof Number number) {
                return number.longValue();
            }
            throw new IllegalStateException("Process variable '" + n + "' must be a number but is a "
                    + value.getClass().getName());
        });
    }

    /** @param name field name @return a form field read as its string form ({@link FormFields#text(Object)}) */
    public static ProcessVariable<String> text(String name) {
        return new ProcessVariable<>(name, String.class, (n, value) -> FormFields.text(value));
    }

    /**
     * @param name field name
     * @return a date-time field ({@link FormFields#instant(String, Object)}: Date, Instant or ISO string, local time in
     *         Buenos Aires); an unreadable value is refused
     */
    public static ProcessVariable<Instant> instant(String name) {
        return new ProcessVariable<>(name, Instant.class, FormFields::instant);
    }

    /** @param name field name @return a checkbox ({@link FormFields#bool(Object)}); unreadable values read as null */
    public static ProcessVariable<Boolean> bool(String name) {
        return new ProcessVariable<>(name, Boolean.class, (n, value) -> FormFields.bool(value));
    }

    /**
     * @param name field name
     * @return a whole-number field ({@link FormFields#integer(String, Object)}); a fraction or text is refused
     */
    public static ProcessVariable<Integer> integer(String name) {
        return new ProcessVariable<>(name, Integer.class, FormFields::integer);
    }

    /**
     * @param name field name
     * @return a checklist/select field ({@link FormFields#list(String, Object)}), empty when absent; a JSON value
     *         that is not an array is refused
     */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    public static ProcessVariable<List<String>> list(String name) {
        return new ProcessVariable<List<String>>(name, (Class) List.class, FormFields::list);
    }

    /** @return the variable's name as the engine stores it */
    public String name() {
        return name;
    }

    /** @return the Java type this variable reads */
    public Class<T> type() {
        return type;
    }

    /**
     * @param value a stored value, may be null
     * @return the typed value, null when absent (empty list for {@link #list(String)})
     */
    public T from(Object value) {
        return reader.apply(name, value);
    }

    /** @param scope an execution or task @return the value visible from the scope, or null when absent */
    public T get(VariableScope scope) {
        return from(scope.getVariable(name));
    }

    /** @param scope an execution or task @return the scope's local value, or null when absent */
    public T getLocal(VariableScope scope) {
        return from(scope.getVariableLocal(name));
    }

    /**
     * @param scope an execution or task
     * @return the value visible from the scope
     * @throws IllegalStateException when absent (null) or of another type
     */
    public T required(VariableScope scope) {
        return present(get(scope));
    }

    /** @param variables variables by name (a start form, a completion) @return the value, or null when absent */
    public T get(Map<String, ?> variables) {
        return from(variables.get(name));
    }

    /**
     * @param tasks  the task service
     * @param taskId an open task
     * @return the value visible from the task, or null when absent
     */
    public T get(TaskService tasks, String taskId) {
        return from(tasks.getVariable(taskId, name));
    }

    /** @return {@link #get(TaskService, String)} @throws IllegalStateException when absent */
    public T required(TaskService tasks, String taskId) {
        return present(get(tasks, taskId));
    }

    /**
     * @param runtime     the runtime service
     * @param executionId an execution or process instance id
     * @return the value visible from the execution, or null when absent
     */
    public T get(RuntimeService runtime, String executionId) {
        return from(runtime.getVariable(executionId, name));
    }

    /** @return {@link #get(RuntimeService, String)} @throws IllegalStateException when absent */
    public T required(RuntimeService runtime, String executionId) {
        return present(get(runtime, executionId));
    }

    /** @param scope an execution or task @param value the value (null removes nothing: it stores null) */
    public void set(VariableScope scope, T value) {
        scope.setVariable(name, value);
    }

    /** @param scope an execution or task @param value the value, stored local to the scope */
    public void setLocal(VariableScope scope, T value) {
        scope.setVariableLocal(name, value);
    }

    /**
     * @param variables variables to start or complete with
     * @param value     the value
     * @return the same map, for chaining
     */
    public <M extends Map<String, Object>> M put(M variables, T value) {
        variables.put(name, value);
        return variables;
    }

    private T present(T value) {
        if (value == null) {
            throw new IllegalStateException("Process variable '" + name + "' (" + type.getSimpleName()
                    + ") is missing");
        }
        return value;
    }

    @Override
    public String toString() {
        return name + ": " + type.getSimpleName();
    }
}
