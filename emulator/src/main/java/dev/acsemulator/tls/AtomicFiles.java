package dev.acsemulator.tls;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Writes through a temporary sibling and a rename, so readers never see a half-written key or store. */
final class AtomicFiles {

    enum Access {
        OWNER_ONLY("rw-------"),
        WORLD_READABLE("rw-r--r--");

        private final Set<PosixFilePermission> permissions;

        Access(String permissions) {
            this.permissions = PosixFilePermissions.fromString(permissions);
        }
    }

    private AtomicFiles() {
    }

    static void write(Path target, byte[] content, Access access) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, "." + target.getFileName(), ".tmp", attributesFor(directory, access));
        try {
            Files.write(temporary, content);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException notAtomic) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static FileAttribute<?>[] attributesFor(Path directory, Access access) {
        if (!directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(access.permissions)};
    }
}
