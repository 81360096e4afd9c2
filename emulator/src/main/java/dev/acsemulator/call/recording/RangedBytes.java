package dev.acsemulator.call.recording;

import java.util.Arrays;

/** A file's bytes, read by range: the whole of it or the part a {@code Range} request asks for. */
public interface RangedBytes {

    /** Its length in bytes. */
    long size();

    /** {@code length} bytes from {@code offset}; fewer at the end. */
    byte[] read(long offset, int length);

    /** Bytes held in memory. */
    static RangedBytes of(byte[] bytes) {
        return new RangedBytes() {
            @Override
            public long size() {
                return bytes.length;
            }

            @Override
            public byte[] read(long offset, int length) {
                return Arrays.copyOfRange(bytes, (int) offset, (int) Math.min(bytes.length, offset + length));
            }
        };
    }

    /** A WAV made on demand from what a recording captured. */
    static RangedBytes of(RecordedAudio audio) {
        return new RangedBytes() {
            @Override
            public long size() {
                return audio.size();
            }

            @Override
            public byte[] read(long offset, int length) {
                return audio.read(offset, length);
            }
        };
    }
}
