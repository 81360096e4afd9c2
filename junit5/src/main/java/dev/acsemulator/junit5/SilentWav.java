package dev.acsemulator.junit5;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;

/**
 * Silence as the WAV the Call Automation service plays: PCM, mono, 16-bit, 16 kHz, lasting exactly the duration
 * asked (to the sample), for {@link CallbackReceiver#serveAudio}.
 */
final class SilentWav {

    private static final int SAMPLE_RATE = 16_000;
    private static final int BYTES_PER_SAMPLE = 2;

    private SilentWav() {
    }

    static byte[] lasting(Duration duration) {
        long samples = duration.toMillis() * SAMPLE_RATE / 1000;
        int dataBytes = Math.toIntExact(samples * BYTES_PER_SAMPLE);
        ByteBuffer wav = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + dataBytes)
                .put("WAVE".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16)
                .putShort((short) 1).putShort((short) 1).putInt(SAMPLE_RATE).putInt(SAMPLE_RATE * BYTES_PER_SAMPLE)
                .putShort((short) BYTES_PER_SAMPLE).putShort((short) 16)
                .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(dataBytes);
        return wav.array();
    }
}
