package dev.acsemulator.api.schema;

/**
 * One reason an instance does not fit its schema.
 *
 * @param pointer JSON pointer (RFC 6901) to the offending value, or to where a missing required field belongs;
 *                {@code ""} is the whole instance
 * @param message a sentence for an error body, e.g. {@code The field 'targets' is required.}
 */
public record SchemaViolation(String pointer, String message) {

    @Override
    public String toString() {
        return (pointer.isEmpty() ? "/" : pointer) + ": " + message;
    }
}
