package dev.acsemulator.call.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WavFileTest {

    @Test
    void aMono16Bit16KhzFileIsPlayableAndLastsExactlyItsSamples() {
        WavFile wav = WavFile.read(Wavs.playable(1500)).orElseThrow();

        assertThat(wav.isPlayable()).isTrue();
        assertThat(wav.dataBytes()).isEqualTo(48_000);
        assertThat(wav.duration()).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void chunksBeforeTheDataAreSkippedIncludingTheirPadByte() {
        byte[] list = Wavs.chunk("LIST", "INFOISFT\u0003\0\0\0abc".getBytes(StandardCharsets.ISO_8859_1));
        byte[] odd = Wavs.chunk("junk", new byte[] {1, 2, 3});

        WavFile wav = WavFile.read(Wavs.pcm(1, 16_000, 16, 250, list, odd)).orElseThrow();

        assertThat(wav.duration()).isEqualTo(Duration.ofMillis(250));
        assertThat(wav.isPlayable()).isTrue();
    }

    @Test
    void stereoEightKilohertzAndEightBitFilesAreReadButNotPlayable() {
        assertThat(WavFile.read(Wavs.pcm(2, 16_000, 16, 100)).orElseThrow().isPlayable()).isFalse();
        assertThat(WavFile.read(Wavs.pcm(1, 8_000, 16, 100)).orElseThrow().isPlayable()).isFalse();
        assertThat(WavFile.read(Wavs.pcm(1, 16_000, 8, 100)).orElseThrow().isPlayable()).isFalse();
        WavFile stereo = WavFile.read(Wavs.pcm(2, 44_100, 16, 1000)).orElseThrow();
        assertThat(stereo.duration()).isEqualTo(Duration.ofSeconds(1));
        assertThat(stereo.describe()).isEqualTo("PCM, 2 channel(s), 16-bit, 44100 Hz");
    }

    @Test
    void aCompressedFormatIsNotPlayable() {
        WavFile mulaw = WavFile.read(Wavs.wav(7, 1, 16_000, 16, new byte[320])).orElseThrow();

        assertThat(mulaw.isPlayable()).isFalse();
    }

    @Test
    void aDataChunkLongerThanTheFileIsCutToTheBytesPresent() {
        byte[] full = Wavs.playable(1000);
        byte[] truncated = Arrays.copyOf(full, full.length - 16_000);

        assertThat(WavFile.read(truncated).orElseThrow().duration()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void whatIsNotRiffWaveIsNotAWavFile() {
        assertThat(WavFile.read("ID3\u0004\0\0\0\0\0\0 an mp3".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
        assertThat(WavFile.read(new byte[0])).isEmpty();
        byte[] avi = Wavs.playable(10);
        avi[8] = 'A';
        assertThat(WavFile.read(avi)).isEmpty();
        byte[] noFmt = Wavs.chunk("data", new byte[4]);
        byte[] riff = new byte[12 + noFmt.length];
        System.arraycopy("RIFF\0\0\0\0WAVE".getBytes(StandardCharsets.US_ASCII), 0, riff, 0, 12);
        System.arraycopy(noFmt, 0, riff, 12, noFmt.length);
        assertThat(WavFile.read(riff)).isEmpty();
    }
}
