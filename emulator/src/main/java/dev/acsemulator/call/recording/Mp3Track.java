package dev.acsemulator.call.recording;

import java.util.ArrayList;
import java.util.List;

/**
 * An MP3 stream as the audio track of an MP4 file: its frames, one sample each, found by their headers (ISO/IEC
 * 11172-3 and 13818-3 Layer III), described by an {@code mp4a} entry whose {@code esds} names MPEG-1 or MPEG-2 audio
 * (object types 0x6B and 0x69, as ISO/IEC 14496-1 registers them).
 */
final class Mp3Track {

    private static final int[] MPEG1_KBPS = {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320};
    private static final int[] MPEG2_KBPS = {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160};
    private static final int[][] SAMPLE_RATES = {{11_025, 12_000, 8_000}, {0, 0, 0}, {22_050, 24_000, 16_000},
            {44_100, 48_000, 32_000}};

    private Mp3Track() {
    }

    /** The track of an MP3 stream of {@code channels} channels; throws if it holds no Layer III frame. */
    static Mp4File.Track of(byte[] mp3, int channels) {
        List<byte[]> frames = new ArrayList<>();
        int sampleRate = 0;
        int samplesPerFrame = 0;
        int kbps = 0;
        boolean mpeg1 = false;
        int at = 0;
        while (at + 4 <= mp3.length) {
            int length = frameLength(mp3, at);
            if (length <= 0 || at + length > mp3.length) {
                at++;
                continue;
            }
            int version = (mp3[at + 1] >> 3) & 3;
            mpeg1 = version == 3;
            sampleRate = SAMPLE_RATES[version][(mp3[at + 2] >> 2) & 3];
            samplesPerFrame = mpeg1 ? 1152 : 576;
            kbps = Math.max(kbps, (mpeg1 ? MPEG1_KBPS : MPEG2_KBPS)[(mp3[at + 2] >> 4) & 0xF]);
            frames.add(java.util.Arrays.copyOfRange(mp3, at, at + length));
            at += length;
        }
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("no MP3 frame to put in an MP4 file");
        }
        return new Mp4File.Track("soun", sampleRate, sampleEntry(channels, sampleRate, mpeg1, kbps * 1000), frames,
                samplesPerFrame, 0, 0, null);
    }

    /** The length of the Layer III frame whose header starts at {@code at}, or 0 when none does. */
    private static int frameLength(byte[] mp3, int at) {
        if ((mp3[at] & 0xFF) != 0xFF || (mp3[at + 1] & 0xE0) != 0xE0) {
            return 0;
        }
        int version = (mp3[at + 1] >> 3) & 3;
        int layer = (mp3[at + 1] >> 1) & 3;
        int bitrateIndex = (mp3[at + 2] >> 4) & 0xF;
        int rateIndex = (mp3[at + 2] >> 2) & 3;
        if (version == 1 || layer != 1 || bitrateIndex == 0 || bitrateIndex == 15 || rateIndex == 3) {
            return 0;
        }
        boolean mpeg1 = version == 3;
        int bitrate = (mpeg1 ? MPEG1_KBPS : MPEG2_KBPS)[bitrateIndex] * 1000;
        int padding = (mp3[at + 2] >> 1) & 1;
        return (mpeg1 ? 144 : 72) * bitrate / SAMPLE_RATES[version][rateIndex] + padding;
    }

    private static byte[] sampleEntry(int channels, int sampleRate, boolean mpeg1, int bitrate) {
        byte[] decoderConfig = Mp4File.concat(new byte[] {0x04, 13, (byte) (mpeg1 ? 0x6B : 0x69), 0x15, 0, 0x06, 0},
                Mp4File.u32(bitrate), Mp4File.u32(bitrate));
        byte[] slConfig = {0x06, 1, 0x02};
        byte[] esDescriptor = Mp4File.concat(new byte[] {0x03, (byte) (3 + decoderConfig.length + slConfig.length),
                0, 1, 0}, decoderConfig, slConfig);
        return Mp4File.box("mp4a", Mp4File.concat(new byte[6], Mp4File.u16(1), new byte[8], Mp4File.u16(channels),
                Mp4File.u16(16), new byte[4], Mp4File.u32(sampleRate << 16),
                Mp4File.fullBox("esds", 0, 0, esDescriptor)));
    }
}
