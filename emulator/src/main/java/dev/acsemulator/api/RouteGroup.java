package dev.acsemulator.api;

import java.util.List;

/**
 * A group of operation handlers (call connections, participants, media, ...) and the route lines it serves, one per
 * operation, each naming the handler method. The route table assembles the groups and answers every other
 * operation of the spec table with 501 NotImplemented.
 *
 * <p>To serve one more operation: add its line to its group's {@link #routes} (operationId, method, path and success
 * status as openapi/api-versions.json has them; the table refuses, by name, a line that does not fit) and the handler
 * method it names; its 501 route goes away by itself. Then regenerate the feature-support matrix (the test that
 * checks it prints the command). A new group is also passed to the {@code RouteTable} where the emulator is wired.
 */
@FunctionalInterface
public interface RouteGroup {

    List<Route> routes();
}
