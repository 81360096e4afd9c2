package dev.acsemulator.call.recording;

import de.sciss.jump3r.lowlevel.LameEncoder;

import javax.sound.sampled.AudioFormat;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * The content of a stopped recording in its format: the WAV of {@link RecordedAudio} as it is (made on demand), or
 * that audio encoded as MP3 (MPEG-2 Layer III at the recording's 16 kHz, mono, {@value #MP3_KBPS} kbit/s constant
 * bit rate) by jump3r, a Java port of LAME, or, for an audio-video recording, an MP4 file holding that MP3 audio and a
 * black picture ({@link BlackVideoTrack}). Mixed recordings only: the service writes unmixed ones as WAV.
 */
final class RecordingEncoder {

    static final int MP3_KBPS = 48;
    private static final int WAV_HEADER_BYTES = 44;

    private RecordingEncoder() {
    }

    static RangedBytes encode(RecordedSession session, RecordingFormat format) {
        RecordedAudio audio = new RecordedAudio(session);
        return switch (format) {
            case WAV -> RangedBytes.of(audio);
            case MP3 -> RangedBytes.of(mp3(audio));
            case MP4 -> RangedBytes.of(Mp4File.write(List.of(BlackVideoTrack.lasting(millis(audio)),
                    Mp3Track.of(mp3(audio), audio.channels()))));
        };
    }

    private static long millis(RecordedAudio audio) {
        return (audio.size() - WAV_HEADER_BYTES) / 2 / audio.channels() * 1000 / RecordedAudio.SAMPLE_RATE;
    }

    private static byte[] mp3(RecordedAudio audio) {
        AudioFormat pcm = new AudioFormat(RecordedAudio.SAMPLE_RATE, RecordedAudio.BITS_PER_SAMPLE, audio.channels(),
                true, false);
        LameEncoder encoder = new LameEncoder(pcm, MP3_KBPS, audio.channels() == 1 ? LameEncoder.CHANNEL_MODE_MONO
                : LameEncoder.CHANNEL_MODE_STEREO, LameEncoder.QUALITY_MIDDLE, false);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] encoded = new byte[encoder.getMP3BufferSize()];
            int chunk = encoder.getPCMBufferSize();
            for (long offset = WAV_HEADER_BYTES; offset < audio.size(); offset += chunk) {
                byte[] samples = audio.read(offset, chunk);
                out.write(encoded, 0, encoder.encodeBuffer(samples, 0, samples.length, encoded));
            }
            out.write(encoded, 0, encoder.encodeFinish(encoded));
            return out.toByteArray();
        } finally {
            encoder.close();
        }
    }
}
