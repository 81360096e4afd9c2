package dev.acsemulator.call.recording;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** Reads the length-prefixed H.264 NAL units of an MP4 video chunk, and a sequence parameter set's picture size. */
final class H264Units {

    /** One NAL unit: its type and its payload as written (emulation prevention bytes included). */
    record Unit(int type, byte[] payload) { }

    private H264Units() {
    }

    /** Where the body of the file's top-level {@code mdat} box starts. */
    static int mdatStart(byte[] mp4) {
        int at = 0;
        while (at + 8 <= mp4.length) {
            int size = u32(mp4, at);
            if (new String(mp4, at + 4, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("mdat")) {
                return at + 8;
            }
            if (size < 8) {
                break;
            }
            at += size;
        }
        throw new AssertionError("no mdat box");
    }

    /** The units between {@code from} and {@code to}, each after its 4-byte length; throws if one runs past. */
    static List<Unit> read(byte[] data, int from, int to) {
        List<Unit> units = new ArrayList<>();
        int at = from;
        while (at < to) {
            int length = u32(data, at);
            if (length < 1 || at + 4 + length > to) {
                throw new AssertionError("a NAL unit of " + length + " bytes at " + at);
            }
            units.add(new Unit(data[at + 4] & 0x1F, java.util.Arrays.copyOfRange(data, at + 5, at + 4 + length)));
            at += 4 + length;
        }
        return units;
    }

    /** Whether the payload holds 00 00 00, 00 00 01 or 00 00 02, which the writer must have escaped. */
    static boolean hasStartCodeEmulation(byte[] payload) {
        for (int i = 0; i + 2 < payload.length; i++) {
            if (payload[i] == 0 && payload[i + 1] == 0 && (payload[i + 2] & 0xFF) <= 2) {
                return true;
            }
        }
        return false;
    }

    /** Width and height in pixels from a frame-only sequence parameter set with picture order count type 2. */
    static int[] pictureSize(byte[] payload) {
        Reader bits = new Reader(unescaped(payload));
        bits.skip(24);
        bits.ue();
        bits.ue();
        if (bits.ue() != 2) {
            throw new AssertionError("picture order count type 2 expected");
        }
        bits.ue();
        bits.skip(1);
        int width = (bits.ue() + 1) * 16;
        int height = (bits.ue() + 1) * 16;
        return new int[] {width, height};
    }

    private static byte[] unescaped(byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int zeros = 0;
        for (byte value : payload) {
            if (zeros >= 2 && value == 3) {
                zeros = 0;
                continue;
            }
            out.write(value);
            zeros = value == 0 ? zeros + 1 : 0;
        }
        return out.toByteArray();
    }

    private static int u32(byte[] data, int at) {
        return ((data[at] & 0xFF) << 24) | ((data[at + 1] & 0xFF) << 16) | ((data[at + 2] & 0xFF) << 8)
                | (data[at + 3] & 0xFF);
    }

    private static final class Reader {
        private final byte[] data;
        private int bit;

        Reader(byte[] data) {
            this.data = data;
        }

        int u1() {
            int value = (data[bit / 8] >> (7 - bit % 8)) & 1;
            bit++;
            return value;
        }

        void skip(int count) {
            bit += count;
        }

        int ue() {
            int zeros = 0;
            while (u1() == 0) {
                zeros++;
            }
            int value = 1;
            for (int i = 0; i < zeros; i++) {
                value = (value << 1) | u1();
            }
            return value - 1;
        }
    }
}
