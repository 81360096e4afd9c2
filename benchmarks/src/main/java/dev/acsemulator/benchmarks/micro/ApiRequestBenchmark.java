package dev.acsemulator.benchmarks.micro;

import dev.acsemulator.api.RequestTarget;
import dev.acsemulator.benchmarks.AbstractMicrobenchmark;
import dev.acsemulator.call.CallConnectionSnapshot;
import dev.acsemulator.call.Commands;
import dev.acsemulator.call.CustomHeaders;
import dev.acsemulator.call.Identifier;
import dev.acsemulator.http.HttpRequestMessage;
import dev.acsemulator.http.HttpResponseMessage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

import java.util.List;

/**
 * The whole REST path of a signed GetCall without sockets: auth, api-version, route, the call's lane, response
 * shaping and rendering. The difference to the sum of the parts is the lane hand-off and the futures.
 */
public class ApiRequestBenchmark extends AbstractMicrobenchmark {

    private InProcessApi world;
    private HttpRequestMessage get;

    @Setup
    public void setUp() {
        world = new InProcessApi(event -> { });
        Identifier callee = Identifier.communicationUser("8:acs:" + Fixtures.RESOURCE_ID
                + "_00000000-0000-0000-0000-000000000001");
        CallConnectionSnapshot call = world.calls.createCall(new Commands.CreateCall(List.of(callee), null, null, null,
                "http://127.0.0.1:3000/api/callbacks", null, Fixtures.API_VERSION, CustomHeaders.NONE, null)).join();
        String rawTarget = "/calling/callConnections/" + call.callConnectionId() + "?api-version=" + Fixtures.API_VERSION;
        get = Fixtures.signed("GET", rawTarget, "");
        HttpResponseMessage first = world.api.handle(get, RequestTarget.parse(rawTarget)).join();
        if (first.status() != 200) {
            throw new IllegalStateException("GetCall answered " + first.status() + ": " + new String(first.body()));
        }
    }

    @TearDown
    public void tearDown() {
        world.close();
    }

    @Benchmark
    public HttpResponseMessage signedGetCall() {
        return world.api.handle(get, RequestTarget.parse(get.rawTarget())).join();
    }
}
