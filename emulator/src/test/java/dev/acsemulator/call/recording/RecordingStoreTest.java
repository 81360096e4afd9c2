package dev.acsemulator.call.recording;

import dev.acsemulator.call.Identifier;
import dev.acsemulator.call.audio.DualTone;
import dev.acsemulator.call.audio.KeyPresses;
import dev.acsemulator.call.audio.Span;
import dev.acsemulator.call.media.DtmfTone;
import dev.acsemulator.testing.SettableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recording files on disk and in memory: written once at stop, served byte for byte, listed again by a restarted
 * emulator within the retention, deleted past it, and the oldest deleted first when the files outgrow their bound.
 */
class RecordingStoreTest {

    private static final Identifier ALICE = Identifier.communicationUser("8:acs:resource_alice");
    private static final Instant START = Instant.parse("2026-12-07T10:00:00Z");
    /** A second of 16 kHz 16-bit mono, and its header. */
    private static final long ONE_SECOND_WAV = 44 + 32_000;

    private final SettableClock clock = new SettableClock(START.plusSeconds(10));
    private final List<String> announced = new ArrayList<>();

    @TempDir
    Path dataDir;

    private RecordingStore disk(long maxBytes) throws IOException {
        RecordingStore store = new RecordingStore(clock, Duration.ofHours(48), maxBytes,
                new DiskRecordingFiles(dataDir.resolve("recordings")),
                session -> ("{\"chunkDocumentId\":\"" + session.documentId() + "\"}").getBytes(StandardCharsets.UTF_8),
                Runnable::run);
        store.loadExisting();
        store.whenStored(session -> announced.add(session.documentId()));
        return store;
    }

    @Test
    void aStoppedRecordingIsWrittenOnceToDiskAndServedByteForByteThenAnnounced() throws IOException {
        RecordingStore store = disk(Long.MAX_VALUE);
        RecordedSession session = session("doc-1", 1, "wav");

        store.store(session);

        Path directory = dataDir.resolve("recordings").resolve("doc-1");
        byte[] expected = new RecordedAudio(session).read(0, (int) ONE_SECOND_WAV);
        assertThat(Files.readAllBytes(directory.resolve("content.wav"))).isEqualTo(expected);
        assertThat(Files.readString(directory.resolve("acsmetadata.json"))).contains("doc-1");
        RecordingFile file = store.find("doc-1").orElseThrow();
        assertThat(file.content().size()).isEqualTo(ONE_SECOND_WAV);
        assertThat(file.content().read(44, 8)).isEqualTo(java.util.Arrays.copyOfRange(expected, 44, 52));
        assertThat(file.content().read(ONE_SECOND_WAV - 4, 100)).hasSize(4);
        assertThat(announced).containsExactly("doc-1");
        assertThat(store.list()).singleElement().satisfies(listing -> {
            assertThat(listing.duration()).isEqualTo(Duration.ofSeconds(1));
            assertThat(listing.participants()).containsExactly(ALICE.rawId());
            assertThat(listing.bytes()).isEqualTo(ONE_SECOND_WAV + Files.size(directory.resolve("acsmetadata.json")));
        });
    }

    @Test
    void aRestartedStoreListsAndServesTheFilesWithinTheRetentionAndDeletesTheOlderOnes() throws Exception {
        RecordingStore first = disk(Long.MAX_VALUE);
        first.store(session("old", 1, "wav"));
        clock.set(START.plus(Duration.ofHours(30)));
        first.store(session("recent", 2, "wav"));
        byte[] recent = first.find("recent").orElseThrow().content().read(0, Integer.MAX_VALUE);

        clock.set(START.plus(Duration.ofHours(49)));
        RecordingStore restarted = disk(Long.MAX_VALUE);

        assertThat(restarted.list()).extracting(RecordingListing::documentId).containsExactly("recent");
        assertThat(restarted.find("recent").orElseThrow().content().read(0, Integer.MAX_VALUE)).isEqualTo(recent);
        assertThat(restarted.find("old")).isEmpty();
        assertThat(dataDir.resolve("recordings").resolve("old")).doesNotExist();
    }

    @Test
    void aFileLeftHalfWrittenByACrashIsDeletedAtStartAndNotListed() throws IOException {
        Path partial = Files.createDirectories(dataDir.resolve("recordings").resolve(".doc-9.partial"));
        Files.write(partial.resolve("content.wav"), new byte[10]);
        Path unlisted = Files.createDirectories(dataDir.resolve("recordings").resolve("doc-8"));

        RecordingStore store = disk(Long.MAX_VALUE);

        assertThat(store.list()).isEmpty();
        assertThat(partial).doesNotExist();
        assertThat(unlisted).doesNotExist();
    }

    @Test
    void filesPastTheRetentionAreNeitherFoundNorListedAndTheSweepDeletesThem() throws IOException {
        RecordingStore store = disk(Long.MAX_VALUE);
        store.store(session("doc-1", 1, "wav"));

        clock.set(clock.instant().plus(Duration.ofHours(48)).plusSeconds(1));

        assertThat(store.find("doc-1")).isEmpty();
        assertThat(store.list()).isEmpty();
        store.sweepExpired();
        assertThat(dataDir.resolve("recordings").resolve("doc-1")).doesNotExist();
    }

    @Test
    void beyondTheSizeBoundTheOldestFilesGoFirstAndTheNewestStaysEvenAlone() throws Exception {
        RecordingStore store = disk(2 * ONE_SECOND_WAV + 200);
        store.store(session("first", 1, "wav"));
        store.store(session("second", 1, "wav"));
        assertThat(store.list()).extracting(RecordingListing::documentId).containsExactly("first", "second");

        store.store(session("third", 1, "wav"));

        assertThat(store.list()).extracting(RecordingListing::documentId).containsExactly("second", "third");
        assertThat(dataDir.resolve("recordings").resolve("first")).doesNotExist();

        store.store(session("long", 5, "wav"));

        assertThat(store.list()).extracting(RecordingListing::documentId).containsExactly("long");
        assertThat(store.find("long")).isPresent();
    }

    @Test
    void deletingRemovesTheFilesAndASecondDeleteFindsNothing() throws Exception {
        RecordingStore store = disk(Long.MAX_VALUE);
        store.store(session("doc-1", 1, "wav"));

        assertThat(store.delete("doc-1").get()).isTrue();

        assertThat(dataDir.resolve("recordings").resolve("doc-1")).doesNotExist();
        assertThat(store.find("doc-1")).isEmpty();
        assertThat(store.delete("doc-1").get()).isFalse();
        assertThat(store.delete("../doc-1").get()).isFalse();
    }

    @Test
    void inMemoryNothingIsWrittenToDiskAndNothingIsListedAfterARestart() throws IOException {
        RecordingStore store = new RecordingStore(clock, Duration.ofHours(48), Long.MAX_VALUE,
                new MemoryRecordingFiles(), session -> new byte[] {'{', '}'}, Runnable::run);
        store.store(session("doc-1", 1, "wav"));

        assertThat(store.find("doc-1").orElseThrow().content().size()).isEqualTo(ONE_SECOND_WAV);
        assertThat(dataDir.resolve("recordings")).doesNotExist();
        RecordingStore restarted = new RecordingStore(clock, Duration.ofHours(48), Long.MAX_VALUE,
                new MemoryRecordingFiles(), session -> new byte[0], Runnable::run);
        restarted.loadExisting();
        assertThat(restarted.list()).isEmpty();
    }

    @Test
    void anMp3RecordingIsMpeg2Layer3At16KhzMonoAsLongAsTheUnpausedRecording() throws IOException {
        RecordingStore store = disk(Long.MAX_VALUE);
        store.store(session("doc-mp3", 3, "mp3"));

        RecordingFile file = store.find("doc-mp3").orElseThrow();
        byte[] mp3 = file.content().read(0, Integer.MAX_VALUE);
        assertThat(Files.exists(dataDir.resolve("recordings").resolve("doc-mp3").resolve("content.mp3"))).isTrue();
        assertThat(file.listing().contentType()).isEqualTo("audio/mpeg");
        List<Mp3Frames.Frame> frames = Mp3Frames.read(mp3);
        assertThat(frames).allSatisfy(frame -> {
            assertThat(frame.version()).as("MPEG-2").isEqualTo(2);
            assertThat(frame.layer()).isEqualTo(3);
            assertThat(frame.sampleRate()).isEqualTo(16_000);
            assertThat(frame.mono()).isTrue();
            assertThat(frame.kbps()).isEqualTo(RecordingEncoder.MP3_KBPS);
        });
        assertThat(frames.stream().mapToInt(Mp3Frames.Frame::length).sum()).as("frames fill the file")
                .isEqualTo(mp3.length);
        double seconds = frames.size() * 576.0 / 16_000;
        assertThat(seconds).as("3 s of audio, and at most five frames of the encoder's delay and final padding")
                .isBetween(3.0, 3.0 + 5 * 576.0 / 16_000);
    }

    @Test
    void anAudioVideoRecordingIsAnMp4OfItsMp3AudioAndABlackPictureOnceASecond() throws IOException {
        RecordingStore store = disk(Long.MAX_VALUE);
        RecordedSession session = session("doc-mp4", 3, "audioVideo", "mp4");
        store.store(session);

        RecordingFile file = store.find("doc-mp4").orElseThrow();
        byte[] mp4 = file.content().read(0, Integer.MAX_VALUE);
        assertThat(Files.exists(dataDir.resolve("recordings").resolve("doc-mp4").resolve("content.mp4"))).isTrue();
        assertThat(file.listing().contentType()).isEqualTo("video/mp4");
        assertThat(file.listing().contentName()).isEqualTo("video");
        assertThat(new String(mp4, 4, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("ftyp");
        byte[] mp3 = RecordingEncoder.encode(session("doc-mp3", 3, "audio", "mp3"), RecordingFormat.MP3)
                .read(0, Integer.MAX_VALUE);
        assertThat(java.util.Arrays.copyOfRange(mp4, mp4.length - mp3.length, mp4.length))
                .as("the audio track is the recording's MP3, frame by frame, at the end of mdat").isEqualTo(mp3);

        List<H264Units.Unit> units = H264Units.read(mp4, H264Units.mdatStart(mp4), mp4.length - mp3.length);
        assertThat(units).extracting(H264Units.Unit::type).as("SPS, PPS, an IDR picture, then one P picture a second")
                .containsExactly(7, 8, 5, 1, 1);
        assertThat(units).allSatisfy(unit -> assertThat(H264Units.hasStartCodeEmulation(unit.payload()))
                .as("emulation prevention in NAL type %d", unit.type()).isFalse());
        int[] size = H264Units.pictureSize(units.get(0).payload());
        assertThat(size).containsExactly(BlackVideoTrack.WIDTH, BlackVideoTrack.HEIGHT);
    }

    /** A recording of {@code seconds} with Alice on its one channel and her key 5 pressed at its start. */
    private static RecordedSession session(String documentId, int seconds, String format) {
        return session(documentId, seconds, "audio", format);
    }

    private static RecordedSession session(String documentId, int seconds, String content, String format) {
        RecordingOptions options = new RecordingOptions(content, "mixed", format, List.of(), List.of(), null, false,
                null);
        return new RecordedSession("recording-" + documentId, documentId, "server-call", "correlation", options,
                List.of(new RecordedSession.Segment(START, START.plusSeconds(seconds))), List.of(ALICE),
                List.of(new Span(Span.Kind.SAID, ALICE, START, START.plus(KeyPresses.TONE), DualTone.of(DtmfTone.FIVE))),
                "SessionEnded");
    }
}
