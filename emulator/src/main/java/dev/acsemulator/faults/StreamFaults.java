package dev.acsemulator.faults;

import dev.acsemulator.call.streaming.StreamFrame;
import dev.acsemulator.call.streaming.StreamTransport;
import dev.acsemulator.call.transcription.TranscriptFrame;
import dev.acsemulator.call.transcription.TranscriptSockets;

import java.net.URI;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Stream faults as decorators of the two ways the emulator opens WebSockets to an application: media streams'
 * transport and transcription's sockets. Each socket opened asks the rules (match {@code callConnectionId},
 * {@code transportUrl}) for refuseStream, dropStream or delayStreamFrames ({@link StreamSocketFaults}); the stream
 * then does what it does on its own. A media stream whose first open is refused sends MediaStreamingFailed
 * (streamConnectionUnsuccessful), one that is dropped is reopened, a refused reopen counts as a failed attempt;
 * a transcription refused or dropped sends TranscriptionFailed.
 */
public final class StreamFaults {

    private final FaultRules rules;
    private final ScheduledExecutorService scheduler;

    public StreamFaults(FaultRules rules, ScheduledExecutorService scheduler) {
        this.rules = rules;
        this.scheduler = scheduler;
    }

    /** Media streams' transport, with the rules' faults on each socket it opens. */
    public StreamTransport mediaStreams(StreamTransport transport) {
        return (url, callConnectionId, correlationId, events) -> {
            StreamSocketFaults faults = pick(url, callConnectionId);
            return faults.open(url.toString(), () -> transport.open(url, callConnectionId, correlationId, events))
                    .thenApply(socket -> new StreamTransport.Socket() {
                        @Override
                        public boolean send(StreamFrame frame) {
                            return faults.send(() -> socket.send(frame), socket::abort);
                        }

                        @Override
                        public void close() {
                            socket.close();
                        }

                        @Override
                        public void abort() {
                            socket.abort();
                        }
                    });
        };
    }

    /** Transcription's sockets, with the rules' faults on each one opened. */
    public TranscriptSockets transcripts(TranscriptSockets sockets) {
        return (url, callConnectionId, correlationId, onDropped) -> {
            StreamSocketFaults faults = pick(url, callConnectionId);
            return faults.open(url.toString(), () -> sockets.open(url, callConnectionId, correlationId, onDropped))
                    .thenApply(socket -> new TranscriptSockets.TranscriptSocket() {
                        @Override
                        public void send(TranscriptFrame frame) {
                            faults.send(() -> {
                                socket.send(frame);
                                return true;
                            }, socket::abort);
                        }

                        @Override
                        public void close() {
                            socket.close();
                        }

                        @Override
                        public void abort() {
                            socket.abort();
                        }
                    });
        };
    }

    private StreamSocketFaults pick(URI url, String callConnectionId) {
        return StreamSocketFaults.pick(rules, new FaultContext(null, null, callConnectionId, null, null,
                url.toString()), scheduler);
    }
}
