package dev.acsemulator.call.streaming;

import dev.acsemulator.call.audio.PcmWindow;

/** Mixing two windows of the same rate and length: samples add up, clipped to 16 bits. */
final class PcmMix {

    private PcmMix() {
    }

    static PcmWindow add(PcmWindow into, PcmWindow window) {
        short[] mixed = into.samples().clone();
        short[] added = window.samples();
        for (int i = 0; i < mixed.length && i < added.length; i++) {
            mixed[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, mixed[i] + added[i]));
        }
        return new PcmWindow(into.rate(), mixed);
    }
}
