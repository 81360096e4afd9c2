package dev.acsemulator.conformance.support;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads an MP4 file (ISO/IEC 14496-12) as a tree of boxes, for tests that check what a recording's file holds: the
 * boxes' types and bodies, and the tracks' handlers, sample entries, time scales, durations and sample sizes.
 */
public final class Mp4Boxes {

    private static final List<String> CONTAINERS = List.of("moov", "trak", "mdia", "minf", "stbl", "dinf");

    /** One box: its type and its body (what follows its 8-byte header). */
    public record Box(String type, ByteBuffer body, List<Box> children) {

        public Optional<Box> child(String wanted) {
            return children.stream().filter(box -> box.type.equals(wanted)).findFirst();
        }

        public List<Box> all(String wanted) {
            return children.stream().filter(box -> box.type.equals(wanted)).toList();
        }

        /** The box at the end of a path of child types, e.g. {@code "mdia", "minf", "stbl", "stsz"}. */
        public Box at(String... path) {
            Box box = this;
            for (String step : path) {
                box = box.child(step).orElseThrow(() -> new AssertionError("no " + step + " box in " + type));
            }
            return box;
        }

        /** A 32-bit value at {@code offset} of the body. */
        public long u32(int offset) {
            return body.getInt(offset) & 0xFFFFFFFFL;
        }

        public String fourCc(int offset) {
            byte[] code = new byte[4];
            body.get(offset, code);
            return new String(code, StandardCharsets.US_ASCII);
        }
    }

    private Mp4Boxes() {
    }

    /** The file's top-level boxes; throws if a box's size runs past the end. */
    public static Box read(byte[] file) {
        return new Box("file", ByteBuffer.wrap(file), boxes(ByteBuffer.wrap(file)));
    }

    private static List<Box> boxes(ByteBuffer data) {
        List<Box> boxes = new ArrayList<>();
        int at = 0;
        while (at + 8 <= data.limit()) {
            int size = data.getInt(at);
            if (size < 8 || at + size > data.limit()) {
                throw new AssertionError("a box of " + size + " bytes at " + at + " of " + data.limit());
            }
            byte[] code = new byte[4];
            data.get(at + 4, code);
            String type = new String(code, StandardCharsets.US_ASCII);
            ByteBuffer body = data.slice(at + 8, size - 8);
            boxes.add(new Box(type, body, CONTAINERS.contains(type) ? boxes(body) : List.of()));
            at += size;
        }
        return boxes;
    }

    /** A track's handler type ({@code soun}, {@code vide}). */
    public static String handler(Box trak) {
        return trak.at("mdia", "hdlr").fourCc(8);
    }

    /** A track's first sample entry type ({@code mp4a}, {@code avc1}). */
    public static String sampleEntry(Box trak) {
        return trak.at("mdia", "minf", "stbl", "stsd").fourCc(12);
    }

    /** A track's duration in seconds, from its media header. */
    public static double seconds(Box trak) {
        Box mdhd = trak.at("mdia", "mdhd");
        return (double) mdhd.u32(16) / mdhd.u32(12);
    }

    /** The sizes of a track's samples, from its {@code stsz}. */
    public static List<Long> sampleSizes(Box trak) {
        Box stsz = trak.at("mdia", "minf", "stbl", "stsz");
        List<Long> sizes = new ArrayList<>();
        for (int i = 0; i < stsz.u32(8); i++) {
            sizes.add(stsz.u32(12 + 4 * i));
        }
        return sizes;
    }

    /** The file offset of a track's one chunk, from its {@code stco}. */
    public static long chunkOffset(Box trak) {
        return trak.at("mdia", "minf", "stbl", "stco").u32(8);
    }
}
