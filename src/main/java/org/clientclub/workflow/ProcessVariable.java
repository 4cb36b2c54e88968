package org.clientclub.workflow;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.jspecify.annotations.Nullable;

/**
 * One process variable: its name and its type, spelled once in a process's constants class and used by the
 * glue that starts, feeds and reads the process. The engine stores the primitive (a long, a string, a boolean);
 * {@link #map} puts an id record or an enum on top, so no caller casts {@code getVariable(...)} itself.
 *
 * <pre>{@code
 * ProcessVariable<ApplicationId> APPLICATION_ID = ProcessVariable.ofLong("applicationId").map(ApplicationId::of, ApplicationId::value);
 * runtime.startProcessInstanceByKey(PROCESS_ID, key, APPLICATION_ID.put(Variables.createVariables(), id));
 * ApplicationId id = APPLICATION_ID.get(execution);
 * }</pre>
 *
 * @param <T> what callers see
 */
public final class ProcessVariable<T> {

    private final String name;
    private final Function<Object, T> fromStored;
    private final Function<T, TypedValue> toStored;

    private ProcessVariable(String name, Function<Object, T> fromStored, Function<T, TypedValue> toStored) {
        this.name = Objects.requireNonNull(name);
        this.fromStored = fromStored;
        this.toStored = toStored;
    }

    /** A whole number; an Integer written by a form or a test reads as a long too. */
    public static ProcessVariable<Long> ofLong(String name) {
        return new ProcessVariable<>(
                name, stored -> cast(name, stored, Number.class).longValue(), Variables::longValue);
    }

    public static ProcessVariable<String> ofString(String name) {
        return new ProcessVariable<>(name, stored -> cast(name, stored, String.class), Variables::stringValue);
    }

    public static ProcessVariable<Boolean> ofBoolean(String name) {
        return new ProcessVariable<>(name, stored -> cast(name, stored, Boolean.class), Variables::booleanValue);
    }

    /** An enum kept by its name, so that gateways can compare it: {@code ${registration == 'NEW'}}. */
    public static <E extends Enum<E>> ProcessVariable<E> ofEnum(String name, Class<E> type) {
        return ofString(name).map(stored -> Enum.valueOf(type, stored), Enum::name);
    }

    /** The same stored value seen as another type, for example an id record around a long. */
    public <U> ProcessVariable<U> map(Function<T, U> read, Function<U, T> write) {
        return new ProcessVariable<>(
                name, stored -> read.apply(fromStored.apply(stored)), value -> toStored.apply(write.apply(value)));
    }

    /** The name BPMN expressions use: {@code ${onboarding.registerMember(applicationId)}}. */
    public String name() {
        return name;
    }

    /** @throws IllegalStateException when the variable is not set or holds something else */
    public T get(VariableScope scope) {
        return find(scope).orElseThrow(() -> new IllegalStateException("Process variable " + name + " is not set"));
    }

    public Optional<T> find(VariableScope scope) {
        TypedValue stored = scope.getVariableTyped(name);
        return stored == null || stored.getValue() == null
                ? Optional.empty()
                : Optional.of(fromStored.apply(stored.getValue()));
    }

    public void set(VariableScope scope, T value) {
        scope.setVariable(name, typed(value));
    }

    /** Adds the value to variables for starting a process, correlating a message or completing a task. */
    public <M extends Map<String, Object>> M put(M variables, T value) {
        variables.put(name, typed(value));
        return variables;
    }

    /** The value as the engine stores it. */
    public TypedValue typed(T value) {
        return toStored.apply(Objects.requireNonNull(value, name));
    }

    /** The caller's type from what the engine returned, for the few places that query variables themselves. */
    public T read(@Nullable Object stored) {
        Object value = stored instanceof TypedValue typed ? typed.getValue() : stored;
        if (value == null) {
            throw new IllegalStateException("Process variable " + name + " is not set");
        }
        return fromStored.apply(value);
    }

    @Override
    public String toString() {
        return name;
    }

    private static <V> V cast(String name, Object stored, Class<V> type) {
        if (!type.isInstance(stored)) {
            throw new IllegalStateException("Process variable " + name + " holds a "
                    + stored.getClass().getSimpleName() + ", not a " + type.getSimpleName());
        }
        return type.cast(stored);
    }
}
