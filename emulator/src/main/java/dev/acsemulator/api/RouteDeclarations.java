package dev.acsemulator.api;

import dev.acsemulator.api.schema.OperationInfo;
import dev.acsemulator.api.schema.SchemaRegistry;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What must hold of the routes handler groups declare, checked against the spec table before the route table takes
 * them: each names an operationId of an accepted api-version, with that operation's method, path and success status
 * (the newest api-version's), definitions the spec has, target fields only with a request body, and no operation or
 * method-and-path declared twice. Each problem is named, so a new route line that is wrong says how.
 */
final class RouteDeclarations {

    private RouteDeclarations() {
    }

    /** The problems of {@code declared}, one sentence each; empty when there are none. */
    static List<String> problems(List<Route> declared, SpecOperations spec, SchemaRegistry schemas) {
        List<String> problems = new ArrayList<>();
        Set<String> operationIds = new HashSet<>();
        Set<String> methodsAndPaths = new HashSet<>();
        for (Route route : declared) {
            String name = route.operationId();
            if (!operationIds.add(name)) {
                problems.add(name + " is declared twice");
            }
            if (!methodsAndPaths.add(route.method() + " " + route.path())) {
                problems.add(route.method() + " " + route.path() + " is declared twice (again by " + name + ")");
            }
            Optional<SpecOperations.SpecOperation> operation = spec.operation(name);
            if (operation.isEmpty()) {
                problems.add(name + " is declared but is no operation of any accepted api-version "
                        + "(openapi/api-versions.json)");
                continue;
            }
            OperationInfo expected = operation.get().newest();
            String version = operation.get().newestVersion();
            if (!expected.method().equals(route.method()) || !expected.path().equals(route.path().toString())
                    || expected.status() != route.successStatus()) {
                problems.add(name + " is declared as " + route.method() + " " + route.path() + " "
                        + route.successStatus() + ", but api-version " + version + " has " + expected.method() + " "
                        + expected.path() + " " + expected.status());
            }
            for (String definition : new String[] {route.requestDefinition(), route.responseDefinition()}) {
                if (definition != null && !schemas.hasDefinition(version, definition)) {
                    problems.add(name + " names the definition " + definition + ", which api-version " + version
                            + " does not have");
                }
            }
            if (!route.targetFields().isEmpty() && route.requestDefinition() == null) {
                problems.add(name + " names target fields " + route.targetFields() + " but has no request body");
            }
        }
        return problems;
    }
}
