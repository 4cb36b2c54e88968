package org.clientclub.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.Test;

class ProcessVariableTest {

    record OrderId(long value) {}

    enum Colour {
        RED,
        GREEN
    }

    private static final ProcessVariable<OrderId> ORDER_ID =
            ProcessVariable.ofLong("orderId").map(OrderId::new, OrderId::value);
    private static final ProcessVariable<Colour> COLOUR = ProcessVariable.ofEnum("colour", Colour.class);

    private final VariableScope scope = mock(VariableScope.class);

    @Test
    void storesTheEnginePrimitiveUnderTheName() {
        Map<String, Object> variables = ORDER_ID.put(new HashMap<>(), new OrderId(42));
        COLOUR.put(variables, Colour.GREEN);

        TypedValue id = (TypedValue) variables.get("orderId");
        assertThat(id.getType()).isEqualTo(ValueType.LONG);
        assertThat(id.getValue()).isEqualTo(42L);
        TypedValue colour = (TypedValue) variables.get("colour");
        assertThat(colour.getType()).isEqualTo(ValueType.STRING);
        assertThat(colour.getValue()).isEqualTo("GREEN");
    }

    @Test
    void readsTheCallersTypeBack() {
        when(scope.getVariableTyped("orderId")).thenReturn(Variables.longValue(7L));
        when(scope.getVariableTyped("colour")).thenReturn(Variables.stringValue("RED"));

        assertThat(ORDER_ID.get(scope)).isEqualTo(new OrderId(7));
        assertThat(COLOUR.get(scope)).isEqualTo(Colour.RED);
    }

    @Test
    void anIntegerFromAFormReadsAsALong() {
        when(scope.getVariableTyped("orderId")).thenReturn(Variables.integerValue(7));

        assertThat(ORDER_ID.get(scope)).isEqualTo(new OrderId(7));
    }

    @Test
    void aMissingVariableIsEmptyOrAnError() {
        assertThat(ORDER_ID.find(scope)).isEmpty();
        assertThatThrownBy(() -> ORDER_ID.get(scope)).hasMessageContaining("orderId is not set");
    }

    @Test
    void aVariableOfAnotherTypeIsAnError() {
        when(scope.getVariableTyped("orderId")).thenReturn(Variables.stringValue("7"));

        assertThatThrownBy(() -> ORDER_ID.get(scope)).hasMessageContaining("orderId holds a String, not a Number");
    }

    @Test
    void setWritesTheTypedValue() {
        ProcessVariable<Boolean> approved = ProcessVariable.ofBoolean("approved");

        approved.set(scope, true);

        verify(scope).setVariable("approved", Variables.booleanValue(true));
    }

    @Test
    void readAcceptsRawAndTypedValues() {
        assertThat(ORDER_ID.read(3L)).isEqualTo(new OrderId(3));
        assertThat(ORDER_ID.read(Variables.longValue(3L))).isEqualTo(new OrderId(3));
        assertThatThrownBy(() -> ORDER_ID.read(null)).hasMessageContaining("orderId is not set");
    }
}
