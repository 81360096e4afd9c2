package dev.acsemulator.benchmarks.micro;

import dev.acsemulator.benchmarks.AbstractMicrobenchmark;
import dev.acsemulator.call.CallConnectionSnapshot;
import dev.acsemulator.call.Commands;
import dev.acsemulator.call.CustomHeaders;
import dev.acsemulator.call.Identifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A call's life in the domain: CreateCall (connection created, callee invited), the callee answers (connecting →
 * connected, CallConnected and ParticipantsUpdated emitted), HangUp (connected → disconnected, CallDisconnected
 * emitted, call ended). Three domain events per operation, counted by the sink. Each command runs on the call's lane,
 * so an operation includes two hand-offs between the benchmark thread and the lane thread.
 */
public class CallTransitionBenchmark extends AbstractMicrobenchmark {

    private final AtomicLong events = new AtomicLong();
    private InProcessApi world;
    private Commands.CreateCall createCall;

    @Setup
    public void setUp() {
        world = new InProcessApi(event -> events.incrementAndGet());
        Identifier callee = Identifier.communicationUser("8:acs:" + Fixtures.RESOURCE_ID
                + "_00000000-0000-0000-0000-000000000001");
        createCall = new Commands.CreateCall(List.of(callee), null, null, null, "http://127.0.0.1:3000/api/callbacks",
                null, Fixtures.API_VERSION, CustomHeaders.NONE, null);
    }

    @TearDown
    public void tearDown() {
        world.close();
    }

    @Benchmark
    public long createAnswerHangUp() {
        CallConnectionSnapshot created = world.calls.createCall(createCall).join();
        world.calls.hangUp(created.callConnectionId()).join();
        return events.get();
    }
}
