package dev.acsemulator.api;

import dev.acsemulator.api.schema.ApiVersionInfo;
import dev.acsemulator.api.schema.SchemaRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * api-version negotiation. Every released version is served with its own shape; a well-formed version the emulator
 * does not know is served with the newest stable behaviour and a warning (Azurite's most-filed complaint is rejecting
 * versions new SDKs send), unless strict mode rejects it. Missing or malformed is a 400.
 */
public final class ApiVersions {

    private static final Logger LOG = LoggerFactory.getLogger(ApiVersions.class);
    private static final Pattern WELL_FORMED = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(-preview)?");

    private final SchemaRegistry registry;
    private final boolean strict;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    public ApiVersions(SchemaRegistry registry, boolean strict) {
        this.registry = registry;
        this.strict = strict;
    }

    /** The version whose behaviour serves a request that asked for {@code requested}. */
    public String resolve(String requested, String path) {
        if (requested == null || requested.isEmpty()) {
            throw ApiErrors.missingApiVersion();
        }
        if (!WELL_FORMED.matcher(requested).matches()) {
            throw ApiErrors.invalidApiVersion(requested);
        }
        var known = registry.version(requested);
        if (known.isPresent()) {
            return known.get().version(); // the table's own string, not the request's copy: connections keep it
        }
        if (strict) {
            throw ApiErrors.unsupportedApiVersion(path, requested);
        }
        String served = registry.newestStable().version();
        if (warned.add(requested)) {
            LOG.warn("api-version {} is unknown to the emulator; serving it as {}", requested, served);
        }
        return served;
    }

    public boolean supports(String servedVersion, String operationId) {
        return registry.supportsOperation(servedVersion, operationId);
    }

    public ApiVersionInfo info(String servedVersion) {
        return registry.version(servedVersion).orElseGet(registry::newestStable);
    }
}
