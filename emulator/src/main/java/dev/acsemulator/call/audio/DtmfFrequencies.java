package dev.acsemulator.call.audio;

import dev.acsemulator.call.media.DtmfTone;

/** The two frequencies (Hz) of each DTMF key, as ITU-T Q.23 assigns them: a row tone and a column tone. */
public final class DtmfFrequencies {

    private static final int[] ROWS = {697, 770, 852, 941};
    private static final int[] COLUMNS = {1209, 1336, 1477, 1633};

    private DtmfFrequencies() {
    }

    public static int low(DtmfTone tone) {
        return ROWS[position(tone) / 4];
    }

    public static int high(DtmfTone tone) {
        return COLUMNS[position(tone) % 4];
    }

    /** The key's place on the 4×4 keypad, row by row: 1 2 3 A / 4 5 6 B / 7 8 9 C / * 0 # D. */
    private static int position(DtmfTone tone) {
        return switch (tone) {
            case ONE -> 0;
            case TWO -> 1;
            case THREE -> 2;
            case A -> 3;
            case FOUR -> 4;
            case FIVE -> 5;
            case SIX -> 6;
            case B -> 7;
            case SEVEN -> 8;
            case EIGHT -> 9;
            case NINE -> 10;
            case C -> 11;
            case ASTERISK -> 12;
            case ZERO -> 13;
            case POUND -> 14;
            case D -> 15;
        };
    }
}
