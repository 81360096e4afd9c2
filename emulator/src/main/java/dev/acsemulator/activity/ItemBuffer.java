package dev.acsemulator.activity;

import java.util.Arrays;

/**
 * Growable bytes that compact activity items are written to, with variable-length numbers (seven bits a byte, the
 * low ones first), and a {@link Cursor} that reads them back.
 */
final class ItemBuffer {

    private byte[] bytes;
    private int length;

    ItemBuffer(int capacity) {
        bytes = new byte[capacity];
    }

    int length() {
        return length;
    }

    byte[] bytes() {
        return bytes;
    }

    void writeByte(int value) {
        room(1);
        bytes[length++] = (byte) value;
    }

    /** A number of zero or more in one to ten bytes. */
    void writeVarint(long value) {
        room(10);
        while ((value & ~0x7FL) != 0) {
            bytes[length++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        bytes[length++] = (byte) value;
    }

    /** A number that may be negative, small either way: zig-zag then {@link #writeVarint}. */
    void writeSigned(long value) {
        writeVarint((value << 1) ^ (value >> 63));
    }

    void writeLong(long value) {
        room(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            bytes[length++] = (byte) (value >>> shift);
        }
    }

    private void room(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(length + more, bytes.length + Math.max(16, bytes.length / 4)));
        }
    }

    /** Reads what an {@link ItemBuffer} wrote, from {@code position} on. */
    static final class Cursor {

        private final byte[] bytes;
        int position;

        Cursor(byte[] bytes, int position) {
            this.bytes = bytes;
            this.position = position;
        }

        int readByte() {
            return bytes[position++] & 0xFF;
        }

        long readVarint() {
            long value = 0;
            for (int shift = 0; ; shift += 7) {
                byte b = bytes[position++];
                value |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return value;
                }
            }
        }

        long readSigned() {
            long zigzag = readVarint();
            return (zigzag >>> 1) ^ -(zigzag & 1);
        }

        long readLong() {
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (bytes[position++] & 0xFF);
            }
            return value;
        }

        void skip(int count) {
            position += count;
        }
    }
}
