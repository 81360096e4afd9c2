package dev.acsemulator.call.recording;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * An ISO base media file (ISO/IEC 14496-12, "MP4") of one or more tracks, written whole: {@code ftyp}, then
 * {@code moov} (so that a player can start before the end), then one {@code mdat} holding every track's samples, one
 * chunk per track. Each track gives its samples, their durations in its own time scale, and its sample description.
 */
final class Mp4File {

    /** The movie's time scale: milliseconds. */
    private static final int MOVIE_TIMESCALE = 1000;
    private static final int[] UNITY_MATRIX = {0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000};

    private Mp4File() {
    }

    /**
     * One track.
     *
     * @param handler         {@code soun} or {@code vide}
     * @param timescale       units of a second its durations count
     * @param sampleEntry     its {@code stsd} entry (e.g. {@code mp4a}, {@code avc1}), whole
     * @param samples         its samples, in order
     * @param sampleDuration  how long each sample lasts, in {@code timescale} units
     * @param width           the picture's width for video, else 0
     * @param height          the picture's height for video, else 0
     * @param syncSamples     for video, the 1-based numbers of the samples a decoder may start at; null when all are
     */
    record Track(String handler, int timescale, byte[] sampleEntry, List<byte[]> samples, int sampleDuration,
                 int width, int height, int[] syncSamples) {

        long duration() {
            return (long) samples.size() * sampleDuration;
        }

        long dataSize() {
            long size = 0;
            for (byte[] sample : samples) {
                size += sample.length;
            }
            return size;
        }
    }

    static byte[] write(List<Track> tracks) {
        byte[] ftyp = box("ftyp", concat(ascii("isom"), u32(512), ascii("isom"), ascii("iso2"), ascii("mp41")));
        // The chunk offsets depend on moov's size, which does not depend on them: write it once to measure it.
        int moovSize = moov(tracks, 0).length;
        long dataStart = (long) ftyp.length + moovSize + 8;
        byte[] moov = moov(tracks, dataStart);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ftyp);
        out.writeBytes(moov);
        long mdatSize = 8;
        for (Track track : tracks) {
            mdatSize += track.dataSize();
        }
        out.writeBytes(u32((int) mdatSize));
        out.writeBytes(ascii("mdat"));
        for (Track track : tracks) {
            track.samples().forEach(out::writeBytes);
        }
        return out.toByteArray();
    }

    private static byte[] moov(List<Track> tracks, long dataStart) {
        long movieDuration = 0;
        for (Track track : tracks) {
            movieDuration = Math.max(movieDuration, track.duration() * MOVIE_TIMESCALE / track.timescale());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(fullBox("mvhd", 0, 0, concat(u32(0), u32(0), u32(MOVIE_TIMESCALE), u32((int) movieDuration),
                u32(0x10000), u16(0x100), new byte[10], matrix(), new byte[24], u32(tracks.size() + 1))));
        long offset = dataStart;
        for (int i = 0; i < tracks.size(); i++) {
            Track track = tracks.get(i);
            body.writeBytes(trak(track, i + 1, track.duration() * MOVIE_TIMESCALE / track.timescale(), offset));
            offset += track.dataSize();
        }
        return box("moov", body.toByteArray());
    }

    private static byte[] trak(Track track, int id, long movieDuration, long chunkOffset) {
        boolean video = track.handler().equals("vide");
        byte[] tkhd = fullBox("tkhd", 0, 7, concat(u32(0), u32(0), u32(id), u32(0), u32((int) movieDuration),
                new byte[8], u16(0), u16(0), u16(video ? 0 : 0x100), u16(0), matrix(),
                u32(track.width() << 16), u32(track.height() << 16)));
        byte[] mdhd = fullBox("mdhd", 0, 0, concat(u32(0), u32(0), u32(track.timescale()), u32((int) track.duration()),
                u16(0x55C4), u16(0)));
        String handlerName = video ? "VideoHandler" : "SoundHandler";
        byte[] hdlr = fullBox("hdlr", 0, 0, concat(u32(0), ascii(track.handler()), new byte[12],
                ascii(handlerName), new byte[1]));
        byte[] mediaHeader = video ? fullBox("vmhd", 0, 1, new byte[8]) : fullBox("smhd", 0, 0, new byte[4]);
        byte[] dinf = box("dinf", fullBox("dref", 0, 0, concat(u32(1), fullBox("url ", 0, 1, new byte[0]))));
        byte[] minf = box("minf", concat(mediaHeader, dinf, stbl(track, chunkOffset)));
        return box("trak", concat(tkhd, box("mdia", concat(mdhd, hdlr, minf))));
    }

    private static byte[] stbl(Track track, long chunkOffset) {
        int count = track.samples().size();
        byte[] stsd = fullBox("stsd", 0, 0, concat(u32(1), track.sampleEntry()));
        byte[] stts = fullBox("stts", 0, 0, count == 0 ? u32(0) : concat(u32(1), u32(count),
                u32(track.sampleDuration())));
        byte[] stsc = fullBox("stsc", 0, 0, count == 0 ? u32(0) : concat(u32(1), u32(1), u32(count), u32(1)));
        ByteArrayOutputStream sizes = new ByteArrayOutputStream();
        sizes.writeBytes(u32(0));
        sizes.writeBytes(u32(count));
        track.samples().forEach(sample -> sizes.writeBytes(u32(sample.length)));
        byte[] stsz = fullBox("stsz", 0, 0, sizes.toByteArray());
        byte[] stco = fullBox("stco", 0, 0, count == 0 ? u32(0) : concat(u32(1), u32((int) chunkOffset)));
        byte[] table = concat(stsd, stts, stsc, stsz, stco);
        if (track.syncSamples() != null) {
            ByteArrayOutputStream sync = new ByteArrayOutputStream();
            sync.writeBytes(u32(track.syncSamples().length));
            for (int sample : track.syncSamples()) {
                sync.writeBytes(u32(sample));
            }
            table = concat(table, fullBox("stss", 0, 0, sync.toByteArray()));
        }
        return box("stbl", table);
    }

    private static byte[] matrix() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int value : UNITY_MATRIX) {
            out.writeBytes(u32(value));
        }
        return out.toByteArray();
    }

    static byte[] box(String type, byte[] body) {
        return concat(u32(8 + body.length), ascii(type), body);
    }

    static byte[] fullBox(String type, int version, int flags, byte[] body) {
        return box(type, concat(u32((version << 24) | flags), body));
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static byte[] u32(int value) {
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }

    static byte[] u16(int value) {
        return new byte[] {(byte) (value >>> 8), (byte) value};
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
