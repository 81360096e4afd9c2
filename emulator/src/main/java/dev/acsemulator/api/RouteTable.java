package dev.acsemulator.api;

import dev.acsemulator.api.schema.SchemaRegistry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The single source of truth for the served Call Automation surface: a route for every operation of every accepted
 * api-version (openapi/api-versions.json). Handler groups declare the operations the emulator builds, one route line
 * each ({@link RouteGroup}); every other operation of the spec table answers an explicit 501 NotImplemented with the
 * spec's method, path and success status, never a fake success, so a new api-version's operations are routed as soon
 * as the table lists them. Router, feature-support matrix, coverage report and conformance suite all read this table.
 */
public final class RouteTable {

    /** openapi/DEVIATIONS.md: operations not built yet answer 501 NotImplemented. */
    private static final int NOT_BUILT_DEVIATION = 10;

    private final SpecOperations spec;
    private final List<Route> routes;
    /** The routes (in {@link #routes} order) whose templates have as many segments as the index. */
    private final Route[][] bySegmentCount;

    /**
     * @throws IllegalStateException naming every declared route that does not fit the spec table (see
     *                               {@link RouteDeclarations})
     */
    public RouteTable(SchemaRegistry schemas, RouteGroup... groups) {
        this.spec = new SpecOperations(schemas.versions());
        List<Route> declared = new ArrayList<>();
        for (RouteGroup group : groups) {
            declared.addAll(group.routes());
        }
        List<String> problems = RouteDeclarations.problems(declared, spec, schemas);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The declared routes do not fit the spec table:\n  "
                    + String.join("\n  ", problems));
        }
        Set<String> built = new HashSet<>();
        declared.forEach(route -> built.add(route.operationId()));
        List<Route> table = new ArrayList<>(declared);
        spec.operations().values().stream().filter(operation -> !built.contains(operation.operationId()))
                .map(RouteTable::notImplemented).forEach(table::add);
        Set<String> actionPlaces = new HashSet<>();
        table.forEach(route -> route.path().actionPlace().ifPresent(actionPlaces::add));
        List<Route> ordered = new ArrayList<>();
        table.forEach(route -> ordered.add(route.withPath(route.path().refusingColonsAt(actionPlaces))));
        // Bare templates first: a GET or DELETE finds its route without trying every action, and an action cannot
        // match a bare template at the same place, which refuses a raw colon there.
        ordered.sort(Comparator.comparing((Route route) -> route.path().hasAction()));
        this.routes = List.copyOf(ordered);
        int longest = routes.stream().mapToInt(route -> route.path().segmentCount()).max().orElse(0);
        this.bySegmentCount = new Route[longest + 1][];
        for (int count = 0; count <= longest; count++) {
            int segments = count;
            bySegmentCount[count] = routes.stream().filter(route -> route.path().segmentCount() == segments)
                    .toArray(Route[]::new);
        }
    }

    /** A matched route and its decoded path variables. */
    public record Match(Route route, Map<String, String> variables) { }

    /**
     * The route for a method and raw path. Throws 405 when the path exists for other methods, 404 when it does not.
     */
    public Match find(String method, String rawPath) {
        Match match = lookup(method, rawPath);
        if (match == null) {
            throw ApiErrors.noSuchResource(rawPath);
        }
        return match;
    }

    /**
     * The route for a method and raw path, or null when no template matches the path (the caller names the request
     * in its 404). Throws 405 when the path exists for other methods.
     */
    public Match lookup(String method, String rawPath) {
        String[] segments = PathTemplate.split(rawPath);
        Route[] candidates = segments == null || segments.length >= bySegmentCount.length
                ? bySegmentCount[0] : bySegmentCount[segments.length]; // [0]: no template is that short, none
        boolean pathExists = false;
        for (Route route : candidates) {
            Map<String, String> variables = route.path().match(segments);
            if (variables != null) {
                if (route.method().equals(method)) {
                    return new Match(route, variables);
                }
                pathExists = true;
            }
        }
        if (pathExists) {
            throw ApiErrors.methodNotAllowed(method, rawPath);
        }
        return null;
    }

    public List<Route> routes() {
        return routes;
    }

    /** The operations of the accepted api-versions the table was built from. */
    public SpecOperations spec() {
        return spec;
    }

    /** Whether the emulator serves this operation, or answers it with 501 NotImplemented. */
    public static boolean isImplemented(Route route) {
        return route.isImplemented();
    }

    private static Route notImplemented(SpecOperations.SpecOperation operation) {
        return Route.of(operation.newest().method(), operation.newest().path(), operation.operationId(),
                operation.newest().status(), new NotImplementedOperation(operation.operationId()))
                .withDeviations(NOT_BUILT_DEVIATION);
    }
}
