package dev.acsemulator.call.streaming;

import java.util.ArrayDeque;

/**
 * The audio a bidirectional stream's application sent and the call has not played yet: queued as it arrives, played
 * 20 ms a frame, dropped by StopAudio (Microsoft Learn: "send a stop message ... to stop the queued up audio"). At
 * most {@link #MAX_QUEUED_SECONDS} of audio waits; what arrives beyond it is dropped and counted. On the call's lane.
 */
public final class AppAudioQueue {

    public static final int MAX_QUEUED_SECONDS = 60;

    private final StreamAudioFormat format;
    private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
    private int offsetInFirst;
    private long queuedBytes;
    private long receivedBytes;
    private long playedBytes;
    private long droppedBytes;

    public AppAudioQueue(StreamAudioFormat format) {
        this.format = format;
    }

    /** Queues audio; returns false (dropping it) when the queue is full. */
    public boolean add(byte[] pcm) {
        receivedBytes += pcm.length;
        if (queuedBytes + pcm.length > (long) MAX_QUEUED_SECONDS * format.sampleRate() * 2) {
            droppedBytes += pcm.length;
            return false;
        }
        if (pcm.length > 0) {
            chunks.addLast(pcm);
            queuedBytes += pcm.length;
        }
        return true;
    }

    /** StopAudio: everything queued is dropped; returns how many bytes. */
    public long clear() {
        long cleared = queuedBytes;
        droppedBytes += cleared;
        chunks.clear();
        offsetInFirst = 0;
        queuedBytes = 0;
        return cleared;
    }

    /** The next 20 ms the call plays: a full frame (padded with silence at the end of the audio), or null if none. */
    public byte[] nextFrame() {
        if (queuedBytes == 0) {
            return null;
        }
        byte[] frame = new byte[format.bytesPerFrame()];
        int filled = 0;
        while (filled < frame.length && !chunks.isEmpty()) {
            byte[] first = chunks.peekFirst();
            int take = Math.min(frame.length - filled, first.length - offsetInFirst);
            System.arraycopy(first, offsetInFirst, frame, filled, take);
            filled += take;
            offsetInFirst += take;
            if (offsetInFirst == first.length) {
                chunks.removeFirst();
                offsetInFirst = 0;
            }
        }
        queuedBytes -= filled;
        playedBytes += filled;
        return frame;
    }

    public long queuedBytes() {
        return queuedBytes;
    }

    public long receivedBytes() {
        return receivedBytes;
    }

    public long playedBytes() {
        return playedBytes;
    }

    public long droppedBytes() {
        return droppedBytes;
    }
}
