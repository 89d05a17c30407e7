package org.cocrea.workflow;

import java.io.IOException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.impl.variable.serializer.VariableSerializers;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.spin.DataFormats;
import org.camunda.spin.plugin.impl.JsonValueSerializer;
import org.camunda.spin.plugin.impl.SpinObjectValueSerializer;
import org.camunda.spin.plugin.variable.value.SpinValue;
import org.springframework.stereotype.Component;

/**
 * Refuses a JSON variable whose text is not JSON, when it is written, instead of storing it. Without this, a
 * {@code Json} value (or an {@code Object} serialized as {@code application/json}) given as text, as Tasklist and the
 * REST API give it, is stored unread: the completion succeeds and every later reader (a listener, Cockpit, the REST
 * API with {@code deserializeValues}) fails with a 500. With it, the write throws {@link RefusedInputException}
 * ("Campo x: el valor no es JSON válido"): the command rolls back and the REST APIs answer 400.
 * <p>
 * After the engine is built (when the Spin plugin has registered its serializers, whatever the plugins' order), Spin's
 * {@code json} and {@code spin://application/json} serializers are replaced, at the same place in the list and under
 * the same names (so stored variables read as before), by subclasses that check the text before writing it. Values the
 * engine serializes itself (a Java object, a Spin JSON node) are not checked: they are JSON by construction.
 * <p>
 * Registered as a Spring bean for the application's engine; the process tests' engine lists it in
 * {@code process-tests.cfg.xml}. Rule source: issue 10 item 2 (an unparsable Json variable is a user's error).
 */
@Component
public class JsonVariableValidation extends AbstractProcessEnginePlugin {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * Swaps Spin's JSON serializers for the checking ones.
     *
     * @param processEngine the engine just built
     */
    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) processEngine
                .getProcessEngineConfiguration();
        VariableSerializers serializers = configuration.getVariableSerializers();
        replace(serializers, new CheckedJsonValueSerializer());
        replace(serializers, new CheckedJsonObjectSerializer());
    }

    private static void replace(VariableSerializers serializers, TypedValueSerializer<?> checked) {
        TypedValueSerializer<?> spin = serializers.getSerializerByName(checked.getName());
        if (spin == null || spin.getClass() == checked.getClass()) {
            return; // no Spin JSON, or replaced already
        }
        int index = serializers.getSerializerIndex(spin);
        serializers.removeSerializer(spin);
        serializers.addSerializer(checked, index);
    }

    /**
     * @param text the value as given
     * @param name the variable's name, for the message
     * @throws RefusedInputException when the text is blank or not one JSON value
     */
    static void check(String text, String name) {
        if (text == null) {
            return; // a null value: nothing to read
        }
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw RefusalTexts.refusal("refusal.unreadableJson", name);
            }
        } catch (IOException e) {
            throw RefusalTexts.refusal("refusal.unreadableJson", name);
        }
    }

    /** Spin's {@code Json} variable type, checked. */
    static final class CheckedJsonValueSerializer extends JsonValueSerializer {

        CheckedJsonValueSerializer() {
            super(DataFormats.json());
        }

        @Override
        public void writeValue(SpinValue value, ValueFields fields) {
            if (!value.isDeserialized()) {
                check(value.getValueSerialized(), fields.getName());
            }
            super.writeValue(value, fields);
        }
    }

    /** Spin's {@code Object} variables serialized as {@code application/json}, checked. */
    static final class CheckedJsonObjectSerializer extends SpinObjectValueSerializer {

        CheckedJsonObjectSerializer() {
            super("spin://" + DataFormats.JSON_DATAFORMAT_NAME, DataFormats.json());
        }

        @Override
        public void writeValue(ObjectValue value, ValueFields fields) {
            if (!value.isDeserialized()) {
                check(value.getValueSerialized(), fields.getName());
            }
            super.writeValue(value, fields);
        }
    }
}
