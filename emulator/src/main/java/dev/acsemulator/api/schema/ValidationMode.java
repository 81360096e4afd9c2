package dev.acsemulator.api.schema;

/** How strictly {@link SchemaRegistry#validate} judges an instance. */
public enum ValidationMode {

    /**
     * A request body as the real service reads it: unknown properties are ignored (any {@code additionalProperties:
     * false} in the spec is lifted), and so are properties the api-version does not have. Types, required fields,
     * bounds and enums of the known properties are checked (extensible enums in any case). Enums are the basis
     * document's, not narrowed per version.
     */
    REQUEST_LENIENT,

    /**
     * A request body checked exactly: every object rejects properties that the api-version does not define
     * (including properties that newer versions added), and enum values the version lacks are rejected.
     */
    REQUEST_STRICT,

    /**
     * What the emulator itself emits (response bodies, event {@code data}): like {@link #REQUEST_STRICT}, so a
     * 2023-03-06 response must not carry a field, enum value or model that 2023-03-06 lacks.
     */
    RESPONSE
}
