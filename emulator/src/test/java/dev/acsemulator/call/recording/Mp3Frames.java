package dev.acsemulator.call.recording;

import java.util.ArrayList;
import java.util.List;

/** Walks an MP3 file's frame headers (ISO 11172-3 / 13818-3), refusing anything between frames that is not one. */
final class Mp3Frames {

    record Frame(int version, int layer, int sampleRate, int kbps, boolean mono, int length) { }

    private static final int[] MPEG2_LAYER3_KBPS = {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160};
    private static final int[] MPEG2_RATES = {22_050, 24_000, 16_000};

    private Mp3Frames() {
    }

    static List<Frame> read(byte[] mp3) {
        List<Frame> frames = new ArrayList<>();
        int at = 0;
        while (at < mp3.length) {
            if (at + 4 > mp3.length || (mp3[at] & 0xff) != 0xff || (mp3[at + 1] & 0xe0) != 0xe0) {
                throw new AssertionError("no frame sync at byte " + at + " of " + mp3.length);
            }
            int versionBits = (mp3[at + 1] >> 3) & 0x3;
            int layerBits = (mp3[at + 1] >> 1) & 0x3;
            if (versionBits != 0b10 || layerBits != 0b01) {
                throw new AssertionError("not an MPEG-2 Layer III frame at byte " + at);
            }
            int kbps = MPEG2_LAYER3_KBPS[(mp3[at + 2] >> 4) & 0xf];
            int rate = MPEG2_RATES[(mp3[at + 2] >> 2) & 0x3];
            int padding = (mp3[at + 2] >> 1) & 0x1;
            boolean mono = ((mp3[at + 3] >> 6) & 0x3) == 0b11;
            int length = 72_000 * kbps / rate + padding;
            frames.add(new Frame(2, 3, rate, kbps, mono, length));
            at += length;
        }
        return frames;
    }
}
