package dev.acsemulator.call.recording;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Recording files on disk, one directory per document id under {@code root} (the data directory's
 * {@code recordings/}): {@code content.wav}, {@code content.mp3} or {@code content.mp4}, {@code acsmetadata.json}, and
 * {@code listing.properties}, which says what the file is so that a restarted emulator lists and serves it. A file is
 * written once, into {@code .<documentId>.partial/}, and moved into place whole: a directory without its listing,
 * or a partial one left by a crash, is deleted at the next start. Reads are positional, so a {@code Range} request
 * reads only its range.
 */
public final class DiskRecordingFiles implements RecordingFiles {

    private static final Logger LOG = LoggerFactory.getLogger(DiskRecordingFiles.class);
    private static final String LISTING = "listing.properties";
    private static final String METADATA = "acsmetadata.json";
    private static final String PARTIAL = ".partial";
    /** How much of the content is made and written at a time. */
    private static final int WRITE_CHUNK = 64 * 1024;

    private final Path root;

    public DiskRecordingFiles(Path root) {
        this.root = root;
    }

    private record OnDisk(RecordingListing listing, Path directory) implements RecordingFile {
        @Override
        public RangedBytes content() {
            return new FileBytes(directory.resolve(contentName(listing)));
        }

        @Override
        public RangedBytes metadata() {
            return new FileBytes(directory.resolve(METADATA));
        }
    }

    /** A file read by position; its size is read when asked. */
    private record FileBytes(Path file) implements RangedBytes {
        @Override
        public long size() {
            try {
                return Files.size(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public byte[] read(long offset, int length) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                ByteBuffer buffer = ByteBuffer.allocate((int) Math.max(0, Math.min(length, channel.size() - offset)));
                while (buffer.hasRemaining() && channel.read(buffer, offset + buffer.position()) >= 0) {
                    // positional reads until the range is read or the file ends
                }
                return buffer.position() == buffer.capacity() ? buffer.array()
                        : java.util.Arrays.copyOf(buffer.array(), buffer.position());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public RecordingFile write(RecordingListing listing, RangedBytes content, byte[] metadata) throws IOException {
        Files.createDirectories(root);
        Path partial = root.resolve("." + listing.documentId() + PARTIAL);
        deleteTree(partial);
        Files.createDirectories(partial);
        try (FileChannel out = FileChannel.open(partial.resolve(contentName(listing)), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE)) {
            for (long offset = 0; offset < content.size(); offset += WRITE_CHUNK) {
                ByteBuffer chunk = ByteBuffer.wrap(content.read(offset, WRITE_CHUNK));
                while (chunk.hasRemaining()) {
                    out.write(chunk);
                }
            }
        }
        Files.write(partial.resolve(METADATA), metadata);
        try (Writer writer = Files.newBufferedWriter(partial.resolve(LISTING), StandardCharsets.UTF_8)) {
            properties(listing).store(writer, "A recording file of the ACS emulator");
        }
        Path directory = root.resolve(listing.documentId());
        Files.move(partial, directory, StandardCopyOption.ATOMIC_MOVE);
        return new OnDisk(listing, directory);
    }

    @Override
    public List<RecordingFile> existing() throws IOException {
        List<RecordingFile> found = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return found;
        }
        try (DirectoryStream<Path> directories = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path directory : directories) {
                Path listing = directory.resolve(LISTING);
                if (directory.getFileName().toString().startsWith(".") || !Files.isRegularFile(listing)) {
                    LOG.warn("Deleting {}: a recording file left unfinished by an earlier run", directory);
                    deleteTree(directory);
                    continue;
                }
                try (Reader reader = Files.newBufferedReader(listing, StandardCharsets.UTF_8)) {
                    Properties properties = new Properties();
                    properties.load(reader);
                    RecordingListing read = listing(properties);
                    if (!read.documentId().equals(directory.getFileName().toString())) {
                        throw new IllegalArgumentException("it names another document, " + read.documentId());
                    }
                    found.add(new OnDisk(read, directory));
                } catch (RuntimeException unreadable) {
                    LOG.warn("Deleting {}: its listing cannot be read ({})", directory, unreadable.toString());
                    deleteTree(directory);
                }
            }
        }
        return found;
    }

    @Override
    public void delete(RecordingListing listing) throws IOException {
        deleteTree(root.resolve(listing.documentId()));
    }

    private static String contentName(RecordingListing listing) {
        return "content." + RecordingFormat.of(listing.format()).wireName();
    }

    private static Properties properties(RecordingListing listing) {
        Properties properties = new Properties();
        properties.setProperty("documentId", listing.documentId());
        properties.setProperty("recordingId", listing.recordingId());
        properties.setProperty("serverCallId", listing.serverCallId());
        properties.setProperty("correlationId", listing.correlationId());
        properties.setProperty("startTime", listing.startTime().toString());
        properties.setProperty("durationMs", Long.toString(listing.duration().toMillis()));
        properties.setProperty("channelType", listing.channelType());
        properties.setProperty("format", listing.format());
        properties.setProperty("channels", Integer.toString(listing.channels()));
        properties.setProperty("participants", Integer.toString(listing.participants().size()));
        for (int i = 0; i < listing.participants().size(); i++) {
            properties.setProperty("participant." + i, listing.participants().get(i));
        }
        properties.setProperty("sessionEndReason", listing.sessionEndReason());
        properties.setProperty("bytes", Long.toString(listing.bytes()));
        properties.setProperty("storedAt", listing.storedAt().toString());
        return properties;
    }

    private static RecordingListing listing(Properties properties) {
        List<String> participants = new ArrayList<>();
        int count = Integer.parseInt(required(properties, "participants"));
        for (int i = 0; i < count; i++) {
            participants.add(required(properties, "participant." + i));
        }
        return new RecordingListing(required(properties, "documentId"), required(properties, "recordingId"),
                required(properties, "serverCallId"), required(properties, "correlationId"),
                Instant.parse(required(properties, "startTime")),
                Duration.ofMillis(Long.parseLong(required(properties, "durationMs"))),
                required(properties, "channelType"), required(properties, "format"),
                Integer.parseInt(required(properties, "channels")), participants,
                required(properties, "sessionEndReason"), Long.parseLong(required(properties, "bytes")), Instant.parse(required(properties, "storedAt")));
    }

    private static String required(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("no " + key);
        }
        return value;
    }

    private static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> all = Files.walk(directory)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
