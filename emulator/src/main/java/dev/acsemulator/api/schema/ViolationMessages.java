package dev.acsemulator.api.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ValidationMessage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns validator output into {@link SchemaViolation}s whose messages can go straight into an error body:
 * {@code The field 'targets' is required.}, {@code 'invitationTimeoutInSeconds' must be at most 180.},
 * {@code 'targets' must be an array.}, {@code The field 'foo' is not allowed.}
 * Field names are written as a path from the body root: {@code recognizeOptions.dtmfOptions.stopTones[0]}.
 */
final class ViolationMessages {

    private ViolationMessages() {
    }

    static List<SchemaViolation> from(Set<ValidationMessage> messages) {
        Set<SchemaViolation> out = new LinkedHashSet<>();
        for (ValidationMessage m : messages) {
            out.add(convert(m));
        }
        List<SchemaViolation> list = new ArrayList<>(out);
        list.sort(Comparator.comparing(SchemaViolation::pointer));
        return List.copyOf(list);
    }

    private static SchemaViolation convert(ValidationMessage m) {
        String pointer = m.getInstanceLocation().toString();
        String field = fieldName(pointer);
        String type = m.getType();
        switch (type) {
            case "required" -> {
                String child = child(pointer, m.getProperty());
                return new SchemaViolation(child, "The field '" + fieldName(child) + "' is required.");
            }
            case "additionalProperties" -> {
                String child = child(pointer, m.getProperty());
                return new SchemaViolation(child, "The field '" + fieldName(child) + "' is not allowed.");
            }
            case "maximum" -> {
                return new SchemaViolation(pointer, subject(field) + " must be at most " + bound(m, "maximum") + ".");
            }
            case "minimum" -> {
                return new SchemaViolation(pointer, subject(field) + " must be at least " + bound(m, "minimum") + ".");
            }
            case "type" -> {
                return new SchemaViolation(pointer, subject(field) + " must be " + article(expectedType(m)) + ".");
            }
            case "enum" -> {
                String allowed = enumValues(m.getSchemaNode());
                return new SchemaViolation(pointer, subject(field) + " must be one of: " + allowed + ".");
            }
            case "pattern" -> {
                JsonNode schema = m.getSchemaNode();
                String pattern = schema == null ? null : schema.isTextual() ? schema.asText() : schema.path("pattern").asText(null);
                Optional<List<String>> values = ExtensibleEnums.values(pattern);
                return new SchemaViolation(pointer, values.isPresent()
                        ? subject(field) + " must be one of: " + String.join(", ", values.get()) + "."
                        : subject(field) + " must match the pattern " + pattern + ".");
            }
            case "minItems" -> {
                return new SchemaViolation(pointer, subject(field) + " must have at least " + bound(m, "minItems") + " item(s).");
            }
            case "maxItems" -> {
                return new SchemaViolation(pointer, subject(field) + " must have at most " + bound(m, "maxItems") + " item(s).");
            }
            default -> {
                String text = m.getMessage();
                String detail = text.startsWith(pointer + ": ") ? text.substring(pointer.length() + 2) : text;
                return new SchemaViolation(pointer, subject(field) + " is invalid: " + detail);
            }
        }
    }

    private static String subject(String field) {
        return field.isEmpty() ? "The body" : "'" + field + "'";
    }

    private static String child(String pointer, String property) {
        return pointer + "/" + property.replace("~", "~0").replace("/", "~1");
    }

    /** {@code /a/b/0/c} becomes {@code a.b[0].c}. */
    static String fieldName(String pointer) {
        if (pointer.isEmpty() || "/".equals(pointer)) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String raw : pointer.substring(1).split("/", -1)) {
            String token = raw.replace("~1", "/").replace("~0", "~");
            if (!token.isEmpty() && token.chars().allMatch(Character::isDigit)) {
                out.append('[').append(token).append(']');
            } else {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(token);
            }
        }
        return out.toString();
    }

    private static String bound(ValidationMessage m, String keyword) {
        JsonNode schema = m.getSchemaNode();
        if (schema != null && schema.isValueNode()) {
            return schema.asText();
        }
        if (schema != null && schema.has(keyword)) {
            return schema.get(keyword).asText();
        }
        Object[] args = m.getArguments();
        return args != null && args.length > 0 ? String.valueOf(args[0]) : "?";
    }

    private static String expectedType(ValidationMessage m) {
        JsonNode schema = m.getSchemaNode();
        JsonNode t = schema == null ? null : schema.isTextual() || schema.isArray() ? schema : schema.get("type");
        if (t != null) {
            if (t.isArray()) {
                List<String> names = new ArrayList<>();
                t.forEach(n -> names.add(n.asText()));
                return String.join(" or ", names);
            }
            return t.asText();
        }
        Object[] args = m.getArguments();
        return args != null && args.length > 1 ? String.valueOf(args[1]) : "of another type";
    }

    private static String article(String type) {
        return switch (type) {
            case "array", "object", "integer" -> "an " + type;
            case "string", "number", "boolean" -> "a " + type;
            default -> type;
        };
    }

    private static String enumValues(JsonNode schema) {
        JsonNode values = schema == null ? null : schema.isArray() ? schema : schema.get("enum");
        if (values == null || !values.isArray()) {
            return "the allowed values";
        }
        List<String> names = new ArrayList<>();
        values.forEach(v -> names.add(v.asText()));
        return names.stream().collect(Collectors.joining(", "));
    }
}
