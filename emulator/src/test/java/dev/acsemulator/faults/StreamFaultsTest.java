package dev.acsemulator.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acsemulator.call.streaming.StreamFrame;
import dev.acsemulator.call.streaming.StreamTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Stream faults as a decorator of the media stream transport: which sockets they strike and what they do. */
class StreamFaultsTest {

    private static final URI APP = URI.create("ws://app.example/media");
    private static final URI OTHER_APP = URI.create("ws://other.example/media");

    private final FaultRules rules = new FaultRules(new Random(1), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final RecordingTransport transport = new RecordingTransport();
    private final StreamTransport faults = new StreamFaults(rules, scheduler).mediaStreams(transport);

    @AfterEach
    void stopScheduler() {
        scheduler.shutdownNow();
    }

    private void rule(String json) throws Exception {
        rules.add(FaultJson.read(new ObjectMapper().readTree(json), () -> "rule-1"));
    }

    @Test
    void aRefusedStreamNeverReachesTheTransportAndIsJournaledWithItsUrl() throws Exception {
        rule("{\"match\":{\"transportUrl\":\"" + APP + "\"},\"fault\":{\"type\":\"refuseStream\"}}");

        CompletableFuture<StreamTransport.Socket> refused = faults.open(APP, "conn-1", "corr-1", null);

        assertThat(refused).isCompletedExceptionally();
        assertThat(transport.opened).isEmpty();
        assertThat(rules.journal()).singleElement().satisfies(applied -> {
            assertThat(applied.fault()).isEqualTo("RefuseStream");
            assertThat(applied.context().transportUrl()).isEqualTo(APP.toString());
            assertThat(applied.context().callConnectionId()).isEqualTo("conn-1");
        });
    }

    @Test
    void aRuleForOneUrlLeavesTheOthersAlone() throws Exception {
        rule("{\"match\":{\"transportUrl\":\"" + APP + "\"},\"fault\":{\"type\":\"refuseStream\"}}");

        assertThat(faults.open(OTHER_APP, "conn-1", "corr-1", null)).isCompleted();
        assertThat(transport.opened).containsExactly(OTHER_APP);
        assertThat(rules.journal()).isEmpty();
    }

    @Test
    void aDroppedStreamSendsItsFramesThenAbortsInsteadOfTheNext() throws Exception {
        rule("{\"match\":{\"callConnectionId\":\"conn-1\"},\"fault\":{\"type\":\"dropStream\",\"afterFrames\":2}}");
        StreamTransport.Socket socket = faults.open(APP, "conn-1", "corr-1", null).join();

        boolean[] accepted = new boolean[3];
        for (int i = 0; i < 3; i++) {
            accepted[i] = socket.send(new StreamFrame.DtmfData(Instant.EPOCH, "4:+1", String.valueOf(i)));
        }

        assertThat(accepted).containsExactly(true, true, false);
        assertThat(transport.sent).hasSize(2);
        assertThat(transport.aborted).isEqualTo(1);
    }

    @Test
    void aStreamFaultCannotBeNarrowedByAnOperationNorAnotherFaultByATransportUrl() {
        assertThatThrownBy(() -> rule("{\"match\":{\"operation\":\"CreateCall\"},\"fault\":{\"type\":\"dropStream\"}}"))
                .hasMessageContaining("match.operation cannot narrow a dropStream fault, which strikes stream "
                        + "sockets (match callConnectionId or transportUrl).");
        assertThatThrownBy(() -> rule("{\"match\":{\"transportUrl\":\"" + APP + "\"},\"fault\":{\"type\":"
                + "\"dropEvent\"}}")).hasMessageContaining("match.transportUrl cannot narrow a dropEvent fault");
    }

    /** A transport that opens at once and keeps what it was asked to do. */
    private static final class RecordingTransport implements StreamTransport {
        final List<URI> opened = new ArrayList<>();
        final List<StreamFrame> sent = new ArrayList<>();
        int aborted;

        @Override
        public CompletableFuture<Socket> open(URI url, String callConnectionId, String correlationId,
                                              Events events) {
            opened.add(url);
            return CompletableFuture.completedFuture(new Socket() {
                @Override
                public boolean send(StreamFrame frame) {
                    return sent.add(frame);
                }

                @Override
                public void close() {
                }

                @Override
                public void abort() {
                    aborted++;
                }
            });
        }
    }
}
