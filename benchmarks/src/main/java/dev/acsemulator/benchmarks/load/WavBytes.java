package dev.acsemulator.benchmarks.load;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** A WAV file of silence in the one format the play service accepts: PCM, mono, 16-bit, 16 kHz. */
final class WavBytes {

    private static final int SAMPLE_RATE = 16_000;
    private static final int BYTES_PER_SAMPLE = 2;

    private WavBytes() {
    }

    /** {@code millis} of silence behind a canonical 44-byte header. */
    static byte[] playable(long millis) {
        int dataBytes = (int) (SAMPLE_RATE * millis / 1000) * BYTES_PER_SAMPLE;
        ByteBuffer file = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        file.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + dataBytes)
                .put("WAVE".getBytes(StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(SAMPLE_RATE).putInt(SAMPLE_RATE * BYTES_PER_SAMPLE).putShort((short) BYTES_PER_SAMPLE)
                .putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(dataBytes);
        return file.array();
    }
}
