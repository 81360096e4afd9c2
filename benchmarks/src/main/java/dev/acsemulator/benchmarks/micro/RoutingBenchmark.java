package dev.acsemulator.benchmarks.micro;

import dev.acsemulator.api.RequestTarget;
import dev.acsemulator.api.RouteTable;
import dev.acsemulator.benchmarks.AbstractMicrobenchmark;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Request-target parsing and the route-table lookup: the first route (CreateCall), a bare path variable (GetCall,
 * among the bare templates tried before the actions) and a participant action (tried after the bare templates).
 */
public class RoutingBenchmark extends AbstractMicrobenchmark {

    private static final String GET_TARGET = "/calling/callConnections/" + Fixtures.CALL_ID + "?api-version=2023-03-06";
    private static final String ADD_PATH = "/calling/callConnections/" + Fixtures.CALL_ID + "/participants:add";

    private InProcessApi world;
    private RouteTable routes;

    @Setup
    public void setUp() {
        world = new InProcessApi(event -> { });
        routes = world.routes;
    }

    @TearDown
    public void tearDown() {
        world.close();
    }

    @Benchmark
    public RouteTable.Match createCall() {
        return routes.find("POST", "/calling/callConnections");
    }

    @Benchmark
    public RouteTable.Match getCallWithTargetParsing() {
        RequestTarget target = RequestTarget.parse(GET_TARGET);
        return routes.find("GET", target.rawPath());
    }

    @Benchmark
    public RouteTable.Match addParticipant() {
        return routes.find("POST", ADD_PATH);
    }
}
