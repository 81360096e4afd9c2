package dev.acsemulator.activity;

import java.util.UUID;

/**
 * How a compact item keeps a string: parts ended by a zero, each a shared word's number ({@link ActivityWords}), a
 * string the call keeps once ({@link CallStrings}), a lower-case UUID in 16 bytes, or chars inline (a byte each when
 * all are Latin-1, else two). A text is cut around the UUIDs it contains, so the parts around an id (the fixed words
 * of a note or a request's path) are shared by every call. Every string reads back equal to what was written.
 */
final class ItemText {

    private static final int INLINE = 0;
    private static final int WORD = 1;
    private static final int CALL = 2;
    private static final int UUID_BYTES = 3;
    private static final int UUID_CHARS = 36;

    private ItemText() {
    }

    /**
     * A name the call's items likely repeat (a lifeline, a connection's id): a shared word when other calls name it
     * too, else kept once by the call, else as text.
     */
    static void writeName(ItemBuffer out, String name, CallStrings strings) {
        int number = strings.words().find(name);
        if (number < 0) {
            int index = strings.indexOf(name);
            if (index < 0) {
                number = strings.words().numberIfShared(name, strings.identity());
                index = number < 0 ? strings.add(name) : -1;
            }
            if (index >= 0) {
                part(out, CALL, index);
                out.writeByte(0);
                return;
            }
        }
        if (number >= 0) {
            part(out, WORD, number);
            out.writeByte(0);
            return;
        }
        writeText(out, name, strings);
    }

    /** Any text: whole as a word or the call's string when it is one, else cut around its UUIDs. */
    static void writeText(ItemBuffer out, String text, CallStrings strings) {
        int number = strings.words().find(text);
        int index = number >= 0 ? -1 : strings.indexOf(text);
        if (number >= 0 || index >= 0) {
            part(out, number >= 0 ? WORD : CALL, number >= 0 ? number : index);
            out.writeByte(0);
            return;
        }
        int literalFrom = 0;
        for (int i = 0; i + UUID_CHARS <= text.length(); i++) {
            if (isUuidAt(text, i)) {
                literal(out, text.substring(literalFrom, i), strings);
                uuid(out, text.substring(i, i + UUID_CHARS), strings);
                i += UUID_CHARS - 1;
                literalFrom = i + 1;
            }
        }
        literal(out, text.substring(literalFrom), strings);
        out.writeByte(0);
    }

    static String read(ItemBuffer.Cursor in, CallStrings strings) {
        String first = null;
        StringBuilder text = null;
        for (long part = in.readVarint(); part != 0; part = in.readVarint()) {
            String piece = piece(in, part, strings);
            if (first == null) {
                first = piece;
            } else {
                if (text == null) {
                    text = new StringBuilder(first);
                }
                text.append(piece);
            }
        }
        return text != null ? text.toString() : first != null ? first : "";
    }

    static void skip(ItemBuffer.Cursor in) {
        for (long part = in.readVarint(); part != 0; part = in.readVarint()) {
            int kind = (int) (part & 3);
            if (kind == UUID_BYTES) {
                in.skip(16);
            } else if (kind == INLINE) {
                long chars = part >>> 3;
                in.skip((int) (((part >>> 2) & 1) == 1 ? chars * 2 : chars));
            }
        }
    }

    private static String piece(ItemBuffer.Cursor in, long part, CallStrings strings) {
        int kind = (int) (part & 3);
        return switch (kind) {
            case WORD -> strings.words().word((int) (part >>> 2));
            case CALL -> strings.get((int) (part >>> 2));
            case UUID_BYTES -> new UUID(in.readLong(), in.readLong()).toString();
            default -> {
                boolean wide = ((part >>> 2) & 1) == 1;
                char[] chars = new char[(int) (part >>> 3)];
                for (int i = 0; i < chars.length; i++) {
                    chars[i] = (char) (wide ? in.readByte() << 8 | in.readByte() : in.readByte());
                }
                yield new String(chars);
            }
        };
    }

    private static void literal(ItemBuffer out, String literal, CallStrings strings) {
        if (literal.isEmpty()) {
            return;
        }
        int number = strings.words().find(literal);
        int index = number >= 0 ? -1 : strings.indexOf(literal);
        if (number < 0 && index < 0) {
            number = strings.words().numberIfShared(literal, strings.identity());
        }
        if (number >= 0 || index >= 0) {
            part(out, number >= 0 ? WORD : CALL, number >= 0 ? number : index);
            return;
        }
        boolean wide = false;
        for (int i = 0; i < literal.length() && !wide; i++) {
            wide = literal.charAt(i) > 0xFF;
        }
        out.writeVarint(((long) literal.length() << 3) | (wide ? 1 << 2 : 0) | INLINE);
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (wide) {
                out.writeByte(c >>> 8);
            }
            out.writeByte(c);
        }
    }

    private static void uuid(ItemBuffer out, String uuid, CallStrings strings) {
        int index = strings.indexOf(uuid);
        if (index >= 0) {
            part(out, CALL, index);
            return;
        }
        UUID value = UUID.fromString(uuid);
        part(out, UUID_BYTES, 0);
        out.writeLong(value.getMostSignificantBits());
        out.writeLong(value.getLeastSignificantBits());
    }

    private static void part(ItemBuffer out, int kind, int value) {
        out.writeVarint(((long) value << 2) | kind);
    }

    /** A UUID in canonical lower-case form starts at {@code from}, so it reads back identical. */
    static boolean isUuidAt(String text, int from) {
        if (from + UUID_CHARS > text.length() || text.charAt(from + 8) != '-') {
            return false;
        }
        for (int i = 0; i < UUID_CHARS; i++) {
            char c = text.charAt(from + i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
