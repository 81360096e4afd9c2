package dev.acsemulator.events;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Removes from a response or event body the fields that the api-version asked for does not have, so an older client
 * sees exactly its version's shape.
 */
public interface VersionShaper {

    VersionShaper NONE = new VersionShaper() {
        @Override
        public void shapeEvent(String apiVersion, String eventType, ObjectNode data) {
        }

        @Override
        public void shapeResponse(String apiVersion, String definitionName, ObjectNode body) {
        }

        @Override
        public boolean hasEvent(String apiVersion, String eventType) {
            return true;
        }
    };

    /** Shapes an event's {@code data}; {@code eventType} is the spec's event model name (e.g. CallConnected). */
    void shapeEvent(String apiVersion, String eventType, ObjectNode data);

    /** Whether the api-version has this event at all; events it lacks are not sent to its connections. */
    boolean hasEvent(String apiVersion, String eventType);

    /** Shapes a response body of the spec's {@code definitionName} (e.g. CallConnectionProperties). */
    void shapeResponse(String apiVersion, String definitionName, ObjectNode body);
}
