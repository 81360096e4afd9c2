package dev.acsemulator.benchmarks.micro;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.acsemulator.benchmarks.AbstractMicrobenchmark;
import dev.acsemulator.call.Identifier;
import dev.acsemulator.call.ResultInformation;
import dev.acsemulator.call.event.CallEvent;
import dev.acsemulator.call.event.EventHeader;
import dev.acsemulator.call.event.EventTarget;
import dev.acsemulator.call.event.ParticipantView;
import dev.acsemulator.events.CloudEventWriter;
import dev.acsemulator.json.IdentifierModels;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writing what goes on the wire: a GetCall/CreateCall response body (built as the handlers build it, shaped for the
 * api-version, rendered) and the callback events of a call's life (CloudEvents array shaped for the api-version).
 */
public class SerializationBenchmark extends AbstractMicrobenchmark {

    private static final String SERVER_CALL_ID = "aHR0cHM6Ly9hcGkuZmxpZ2h0cHJveHkuc2t5cGUuY29tL2FwaS92Mi9jcC9jb252LWVt"
            + "dWxhdG9yLTAxLmNvbnYuc2t5cGUuY29tL2NvbnYvMWtxZ3Q2bTR4Zmhlcj9pPTEwLTAtMC0xJmU9MTIzNDU2Nzg5";

    @Param({"2023-03-06", "2026-03-12"})
    public String apiVersion;

    private InProcessApi world;
    private CloudEventWriter writer;
    private Identifier app;
    private Identifier callee;
    private CallEvent.CallConnected connected;
    private CallEvent.ParticipantsUpdated participantsUpdated;

    @Setup
    public void setUp() {
        world = new InProcessApi(event -> { });
        writer = new CloudEventWriter(world.mapper, world.shaper);
        app = Identifier.communicationUser("8:acs:" + Fixtures.RESOURCE_ID + "_8f2b7e3c-1d2a-4c5b-9e8f-0a1b2c3d4e5f");
        callee = Identifier.communicationUser("8:acs:" + Fixtures.RESOURCE_ID + "_00000000-0000-0000-0000-000000000001");
        EventTarget target = new EventTarget(Fixtures.CALL_ID, SERVER_CALL_ID, "2c1b7a0e-3f4d-4e5a-8b9c-0d1e2f3a4b5c",
                "http://127.0.0.1:3000/api/callbacks", apiVersion);
        EventHeader header = new EventHeader("5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b", target, null, ResultInformation.OK);
        connected = new CallEvent.CallConnected(header);
        participantsUpdated = new CallEvent.ParticipantsUpdated(header, 1,
                List.of(new ParticipantView(app, false, false), new ParticipantView(callee, false, false)));
    }

    /** CallConnectionProperties as {@code ResponseBodies} (package-private) builds it, shaped and rendered. */
    @Benchmark
    public byte[] callConnectionPropertiesResponse() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("callConnectionId", Fixtures.CALL_ID);
        body.put("serverCallId", SERVER_CALL_ID);
        body.putArray("targets").add(IdentifierModels.write(callee));
        body.put("callConnectionState", "connected");
        body.put("callbackUri", "http://127.0.0.1:3000/api/callbacks");
        body.set("source", IdentifierModels.write(app));
        body.put("correlationId", "2c1b7a0e-3f4d-4e5a-8b9c-0d1e2f3a4b5c");
        world.shaper.shapeResponse(apiVersion, "CallConnectionProperties", body);
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public byte[] callConnectedEvent() {
        return writer.write(connected, "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b", Fixtures.NOW);
    }

    @Benchmark
    public byte[] participantsUpdatedEvent() {
        return writer.write(participantsUpdated, "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b", Fixtures.NOW);
    }
}
