package dev.acsemulator.api.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The Call Automation REST surface the emulator serves, per api-version: which operations exist, and JSON-Schema
 * validation of request bodies, response bodies and event payloads against the held specification.
 *
 * <p>Data comes from the classpath folder {@code openapi/}: {@code api-versions.json} (the per-version table) and
 * {@code specs/} (the verbatim Swagger 2.0 documents of the held api-versions and the common identifier/error models).
 * Each held spec is converted once into a draft-04 document ({@link SwaggerDefinitions}); each (api-version, mode)
 * pair gets its own derived document ({@link VersionProfile}), built on first use; each (api-version, definition,
 * mode) validator is built on first use and cached, so validation on the request path never re-parses a schema.
 *
 * <p>Nulls: in the two request modes an object member whose value is JSON {@code null} counts as absent (the spec's
 * own examples send {@code "recordingContentType": null}); a required member that is {@code null} is reported as
 * missing. In {@link ValidationMode#RESPONSE} a {@code null} is checked against the property's type, so the emulator
 * omits absent values instead of writing {@code null}.
 *
 * <p>Unknown api-versions: a well-formed one ({@code yyyy-MM-dd} or {@code yyyy-MM-dd-preview}) that is not in the
 * table is handled as the newest stable version by {@link #resolve}, {@link #supportsOperation}, {@link #validate}
 * and {@link #absentProperties}; {@link #version} returns empty for it so the caller can tell. A malformed one is an
 * {@link IllegalArgumentException}: the HTTP layer must reject it before asking.
 *
 * <p>Thread-safe.
 */
public final class SchemaRegistry {

    /** Form of an api-version value: {@code 2023-03-06}, {@code 2025-08-15-preview}. */
    public static final Pattern API_VERSION_PATTERN = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(-preview)?");

    private static final Logger LOG = LoggerFactory.getLogger(SchemaRegistry.class);
    private static final String CLASSPATH_ROOT = "openapi/";
    private static final String DOCUMENT_IRI = "https://acs-emulator.invalid/schemas/callautomation/";

    private final ApiVersionTable table;
    private final Map<String, ObjectNode> basisDefinitions;
    private final Map<String, Map<String, Map<String, String>>> propertyModels;
    private final Map<String, String> documents = new ConcurrentHashMap<>();
    private final Map<ValidatorKey, JsonSchema> validators = new ConcurrentHashMap<>();
    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config;

    private record ValidatorKey(String version, String definition, ValidationMode mode) {
    }

    private SchemaRegistry(ApiVersionTable table, Map<String, ObjectNode> basisDefinitions) {
        this.table = table;
        this.basisDefinitions = Map.copyOf(basisDefinitions);
        Map<String, Map<String, Map<String, String>>> models = new HashMap<>();
        basisDefinitions.forEach((basis, defs) -> models.put(basis, PropertyModels.of(defs)));
        this.propertyModels = Map.copyOf(models);
        this.factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4, builder -> builder
                .schemaLoaders(loaders -> loaders.schemas((Function<String, String>) this::documentFor)));
        this.config = SchemaValidatorsConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(false)
                .build();
    }

    /** Loads {@code openapi/api-versions.json} and {@code openapi/specs/*.json} from the class path. */
    public static SchemaRegistry loadFromClasspath() {
        return load(name -> {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            InputStream in = (loader != null ? loader : SchemaRegistry.class.getClassLoader())
                    .getResourceAsStream(CLASSPATH_ROOT + name);
            if (in == null) {
                throw new IllegalStateException("Missing class-path resource " + CLASSPATH_ROOT + name);
            }
            return in;
        });
    }

    /** Loads from an {@code openapi/} folder on disk (tools and tests; the server uses {@link #loadFromClasspath}). */
    public static SchemaRegistry loadFromDirectory(java.nio.file.Path openapiDirectory) {
        return load(name -> {
            try {
                return java.nio.file.Files.newInputStream(openapiDirectory.resolve(name));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot open " + openapiDirectory.resolve(name), e);
            }
        });
    }

    /** Loads from any source of the {@code openapi/} files; {@code open} gets names such as {@code specs/x.json}. */
    static SchemaRegistry load(Function<String, InputStream> open) {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode versionsDocument = read(mapper, open, "api-versions.json");
        ApiVersionTable table = ApiVersionTable.parse(versionsDocument);
        JsonNode common = read(mapper, open, table.commonSpec);
        JsonNode previewOnly = versionsDocument.path("previewOnlyDefinitions").path("definitions");
        Map<String, ObjectNode> defs = new HashMap<>();
        table.heldSpecs.forEach((version, file) -> defs.put(version,
                SwaggerDefinitions.convert(withPreviewOnlyDefinitions(read(mapper, open, file), previewOnly), common)));
        LOG.info("Loaded Call Automation schemas: {} api-versions, held specs {}", table.versions.size(),
                table.heldSpecs.keySet());
        return new SchemaRegistry(table, defs);
    }

    /**
     * Adds to a held spec the models of preview-only events that it lacks ({@code previewOnlyDefinitions} of
     * {@code api-versions.json}); a version sends such an event only when its events list names it.
     */
    private static JsonNode withPreviewOnlyDefinitions(JsonNode spec, JsonNode previewOnly) {
        if (spec.get("definitions") instanceof ObjectNode definitions) {
            previewOnly.properties().forEach(model -> {
                if (!definitions.has(model.getKey())) {
                    definitions.set(model.getKey(), model.getValue().deepCopy());
                }
            });
        }
        return spec;
    }

    private static JsonNode read(ObjectMapper mapper, Function<String, InputStream> open, String name) {
        try (InputStream in = open.apply(name)) {
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read openapi/" + name, e);
        }
    }

    // ---- api-versions --------------------------------------------------------------------------------------------

    /** The table entry for {@code apiVersion}, or empty when it is not a known api-version. */
    public Optional<ApiVersionInfo> version(String apiVersion) {
        return Optional.ofNullable(apiVersion == null ? null : table.versions.get(apiVersion));
    }

    /** The newest stable api-version, used for well-formed api-versions the table does not know. */
    public ApiVersionInfo newestStable() {
        return table.versions.get(table.newestStable);
    }

    /** Every known api-version, oldest first. */
    public List<ApiVersionInfo> versions() {
        return table.versions.values().stream().sorted(Comparator.comparing(ApiVersionInfo::version)).toList();
    }

    /** The held spec versions (schema bases), e.g. {@code 2025-05-15, 2025-06-15, 2026-03-12}. */
    public Set<String> schemaBases() {
        return basisDefinitions.keySet();
    }

    /**
     * The entry for {@code apiVersion}; the newest stable one for a well-formed but unknown api-version.
     *
     * @throws IllegalArgumentException if {@code apiVersion} is not of the form {@code yyyy-MM-dd[-preview]}
     */
    public ApiVersionInfo resolve(String apiVersion) {
        ApiVersionInfo known = apiVersion == null ? null : table.versions.get(apiVersion);
        if (known != null) {
            return known;
        }
        if (apiVersion == null || !API_VERSION_PATTERN.matcher(apiVersion).matches()) {
            throw new IllegalArgumentException("Malformed api-version '" + apiVersion + "'");
        }
        return newestStable();
    }

    /** Whether {@code apiVersion} (resolved as in {@link #resolve}) has the operation {@code operationId}. */
    public boolean supportsOperation(String apiVersion, String operationId) {
        return resolve(apiVersion).hasOperation(operationId);
    }

    /** Properties of {@code definitionName} that {@code apiVersion} lacks; serializers drop these for that version. */
    public Set<String> absentProperties(String apiVersion, String definitionName) {
        return resolve(apiVersion).absentProperties(definitionName);
    }

    /**
     * The model each property of {@code definitionName} holds, following the {@code $ref}s of the schema basis of
     * {@code apiVersion} (resolved as in {@link #resolve}): for {@code CallParticipant}, {@code identifier} holds
     * {@code CommunicationIdentifierModel}. Properties holding a plain value, and unknown definitions, are not in the
     * map. See {@link PropertyModels}.
     */
    public Map<String, String> propertyModels(String apiVersion, String definitionName) {
        return propertyModels.get(resolve(apiVersion).schemaBasis()).getOrDefault(definitionName, Map.of());
    }

    /** The names of the definitions of the schema basis of {@code apiVersion} (resolved as in {@link #resolve}). */
    public Set<String> definitionNames(String apiVersion) {
        Set<String> names = new java.util.HashSet<>();
        basisDefinitions.get(resolve(apiVersion).schemaBasis()).fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Whether {@code definitionName} exists in {@code apiVersion} and in its schema basis. */
    public boolean hasDefinition(String apiVersion, String definitionName) {
        ApiVersionInfo v = resolve(apiVersion);
        return basisDefinitions.get(v.schemaBasis()).has(definitionName) && !v.absentDefinitions().contains(definitionName);
    }

    /**
     * The draft-04 schema document the validators of {@code apiVersion} in {@code mode} use (a copy), with every
     * definition under {@code definitions}.
     */
    public JsonNode schemaDocument(String apiVersion, ValidationMode mode) {
        ApiVersionInfo v = resolve(apiVersion);
        return VersionProfile.document(basisDefinitions.get(v.schemaBasis()), v, mode);
    }

    // ---- validation ----------------------------------------------------------------------------------------------

    /**
     * Validates {@code instance} as the definition {@code definitionName} (e.g. {@code CreateCallRequest},
     * {@code CallConnectionProperties}, {@code CallConnected}) of {@code apiVersion}.
     *
     * @return the violations, ordered by JSON pointer; empty when the instance is valid. Validating a definition that
     *         the api-version does not have yields one violation at pointer {@code ""}.
     * @throws IllegalArgumentException for a malformed api-version or a definition name the schema basis lacks
     */
    public List<SchemaViolation> validate(String apiVersion, String definitionName, JsonNode instance,
                                          ValidationMode mode) {
        ApiVersionInfo v = resolve(apiVersion);
        if (!basisDefinitions.get(v.schemaBasis()).has(definitionName)) {
            throw new IllegalArgumentException("No definition '" + definitionName + "' in the "
                    + v.schemaBasis() + " schema basis of api-version " + v.version());
        }
        if (v.absentDefinitions().contains(definitionName)) {
            return List.of(new SchemaViolation("", "'" + definitionName + "' does not exist in api-version "
                    + v.version() + "."));
        }
        JsonSchema schema = validators.computeIfAbsent(new ValidatorKey(v.version(), definitionName, mode),
                this::buildValidator);
        JsonNode checked = mode == ValidationMode.RESPONSE ? instance : NullFields.withoutNullFields(instance);
        return ViolationMessages.from(schema.validate(checked));
    }

    private JsonSchema buildValidator(ValidatorKey key) {
        String iri = documentIri(key.version(), key.mode());
        JsonSchema schema = factory.getSchema(SchemaLocation.of(iri + "#/definitions/" + key.definition()), config);
        schema.initializeValidators();
        return schema;
    }

    private static String documentIri(String version, ValidationMode mode) {
        return DOCUMENT_IRI + version + "/" + mode.name().toLowerCase(java.util.Locale.ROOT) + ".json";
    }

    /** Schema loader hook: serves the derived documents under their IRIs, building each once. */
    private String documentFor(String iri) {
        if (!iri.startsWith(DOCUMENT_IRI)) {
            return null;
        }
        return documents.computeIfAbsent(iri, key -> {
            String[] parts = key.substring(DOCUMENT_IRI.length()).split("/");
            ApiVersionInfo v = table.versions.get(parts[0]);
            ValidationMode mode = ValidationMode.valueOf(
                    parts[1].replace(".json", "").toUpperCase(java.util.Locale.ROOT));
            return VersionProfile.document(basisDefinitions.get(v.schemaBasis()), v, mode).toString();
        });
    }
}
