package dev.acsemulator.api;

import java.util.List;

/**
 * A group of operation handlers (call connections, participants, media, ...) and the route lines it serves, one per
 * operation, each naming the handler method. The route table assembles the groups and answers every other
 * operation of the spec table with 501 NotImplemented.
 */
@FunctionalInterface
public interface RouteGroup {

    List<Route> routes();
}
