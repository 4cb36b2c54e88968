package org.clientclub.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A Camunda Form (form-js JSON, as in forms/) reduced to what the inbox renders: text, textfield, textarea,
 * number, select, radio, checkbox and date fields with their validation. Unknown component types are kept as
 * {@code unsupported} so the page can say so instead of silently dropping a field.
 */
public record CamundaForm(String id, List<Field> fields) {

    public static final Set<String> SUPPORTED =
            Set.of("text", "textfield", "textarea", "number", "select", "radio", "checkbox", "datetime");

    public record Option(String label, String value) {}

    /**
     * @param type   the form-js component type
     * @param label  literal text or a message key
     * @param text   the markdown of a {@code text} component (shown as plain text)
     */
    public record Field(
            String type,
            String key,
            String label,
            String text,
            String description,
            List<Option> options,
            boolean required,
            Integer minLength,
            Integer maxLength,
            BigDecimal min,
            BigDecimal max,
            String pattern,
            boolean readonly,
            String defaultValue) {

        public boolean isInput() {
            return key != null && !"text".equals(type) && SUPPORTED.contains(type);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public static CamundaForm parse(InputStream in) throws IOException {
        JsonNode root = JSON.readTree(in);
        List<Field> fields = new ArrayList<>();
        for (JsonNode c : root.path("components")) {
            collect(c, fields);
        }
        return new CamundaForm(root.path("id").asText(null), List.copyOf(fields));
    }

    private static void collect(JsonNode c, List<Field> fields) {
        String type = c.path("type").asText("");
        if ("group".equals(type) || "dynamiclist".equals(type)) {
            for (JsonNode child : c.path("components")) {
                collect(child, fields);
            }
            return;
        }
        if ("datetime".equals(type) && !"date".equals(c.path("subtype").asText("date"))) {
            type = "unsupported";
        } else if (!SUPPORTED.contains(type)) {
            type = "unsupported";
        }
        JsonNode v = c.path("validate");
        List<Option> options = new ArrayList<>();
        for (JsonNode o : c.path("values")) {
            options.add(new Option(o.path("label").asText(), o.path("value").asText()));
        }
        String label = c.hasNonNull("label")
                ? c.get("label").asText()
                : c.path("dateLabel").asText(null);
        fields.add(new Field(
                type,
                c.hasNonNull("key") ? c.get("key").asText() : null,
                label,
                c.path("text").asText(null),
                c.path("description").asText(null),
                List.copyOf(options),
                v.path("required").asBoolean(false),
                intOrNull(v, "minLength"),
                intOrNull(v, "maxLength"),
                decimalOrNull(v, "min"),
                decimalOrNull(v, "max"),
                v.path("pattern").asText(null),
                c.path("readonly").asBoolean(false),
                c.hasNonNull("defaultValue") ? c.get("defaultValue").asText() : null));
    }

    private static Integer intOrNull(JsonNode node, String name) {
        return node.hasNonNull(name) ? node.get(name).asInt() : null;
    }

    private static BigDecimal decimalOrNull(JsonNode node, String name) {
        return node.hasNonNull(name) ? node.get(name).decimalValue() : null;
    }
}
