package dev.acsemulator.call.audio;

import java.time.Instant;
import java.util.List;

/** A mono WAV file of spans rendered over a stretch of the call, a second at a time. */
final class Wav {

    private Wav() {
    }

    static byte[] render(List<Span> spans, Instant from, Instant to, AudioRate rate) {
        long total = rate.samplesIn(java.time.Duration.between(from, to));
        byte[] file = new byte[WavHeader.BYTES + (int) (total * 2)];
        System.arraycopy(WavHeader.of(1, rate.hertz(), total * 2), 0, file, 0, WavHeader.BYTES);
        int second = rate.hertz();
        for (long done = 0; done < total; done += second) {
            int count = (int) Math.min(second, total - done);
            Instant at = from.plus(rate.durationOf(done));
            byte[] pcm = new PcmWindow(rate, Mixer.render(spans, at, count, rate)).littleEndian();
            System.arraycopy(pcm, 0, file, WavHeader.BYTES + (int) (done * 2), pcm.length);
        }
        return file;
    }
}
