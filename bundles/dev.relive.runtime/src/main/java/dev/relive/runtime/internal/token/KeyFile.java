package dev.relive.runtime.internal.token;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Set;

/**
 * The file that keeps the token secret across restarts (by default {@code .relive/token.key} in the working
 * directory), so pages served before a restart still mount after it. Runtimes started in the same directory share
 * it on purpose; a runtime elsewhere has its own.
 *
 * <p>Created owner-only from the first byte: the folder {@code 0700}, the file {@code 0600}, written through a
 * channel opened with those permissions (never world-readable for an instant). An existing key that group or
 * others can read or write, or a folder others can write into, is refused with an {@link InsecureKeyFileException}:
 * someone else may know or have planted the secret, and tokens forged with it would mount.
 */
public final class KeyFile {

    static final int SECRET_BYTES = 32;
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);
    private static final Set<PosixFilePermission> WRITABLE_BY_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);

    /** A key file or its folder that others can read or change. */
    public static final class InsecureKeyFileException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        InsecureKeyFileException(String message) {
            super(message);
        }
    }

    private KeyFile() {
    }

    /** Reads the secret in {@code file}, or makes one there when the file does not exist. */
    public static byte[] readOrCreate(Path file) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        createFolder(folder);
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return read(file);
        }
        byte[] secret = new byte[SECRET_BYTES];
        new SecureRandom().nextBytes(secret);
        try {
            write(file, secret);
            return secret;
        } catch (FileAlreadyExistsException e) {
            return read(file); // another runtime in this directory made it first
        }
    }

    private static void createFolder(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            checkNotWritableByOthers(folder);
            tightenOwnFolder(folder);
            return;
        }
        if (posix(folder.getParent())) {
            Files.createDirectories(folder, ownerOnly("rwx------"));
        } else {
            Files.createDirectories(folder);
        }
    }

    /** A folder made by an older version (0755): made owner-only when this user owns it. */
    private static void tightenOwnFolder(Path folder) {
        try {
            if (posix(folder) && Files.getOwner(folder).getName().equals(System.getProperty("user.name"))) {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(folder);
                if (perms.stream().anyMatch(GROUP_OR_OTHERS::contains)) {
                    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
                }
            }
        } catch (IOException | UnsupportedOperationException e) {
            // left as it is; checkNotWritableByOthers still refuses a folder others can write into
        }
    }

    private static byte[] read(Path file) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new InsecureKeyFileException(file + " is not a regular file; remove it so a new key is made");
        }
        if (posix(file)) {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
            String owner = Files.getOwner(file, LinkOption.NOFOLLOW_LINKS).getName();
            if (!owner.equals(System.getProperty("user.name"))) {
                throw new InsecureKeyFileException(file + " belongs to " + owner + ", not to the user running "
                        + "this runtime; remove it to have a new one made");
            }
            if (perms.stream().anyMatch(GROUP_OR_OTHERS::contains)) {
                throw new InsecureKeyFileException(file + " can be read or written by others (mode "
                        + PosixFilePermissions.toString(perms) + "); its secret signs page tokens. Remove it to "
                        + "have a new one made, or restrict it with: chmod 600 " + file);
            }
        }
        byte[] secret = Files.readAllBytes(file);
        if (secret.length < SECRET_BYTES) {
            throw new InsecureKeyFileException(file + " holds " + secret.length + " bytes, fewer than "
                    + SECRET_BYTES + "; remove it to have a new one made");
        }
        return secret;
    }

    private static void write(Path file, byte[] secret) throws IOException {
        Set<StandardOpenOption> options = EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        FileAttribute<?>[] attrs = posix(file.toAbsolutePath().getParent())
                ? new FileAttribute<?>[] {ownerOnly("rw-------")}
                : new FileAttribute<?>[0];
        try (SeekableByteChannel channel = Files.newByteChannel(file, options, attrs)) {
            ByteBuffer buffer = ByteBuffer.wrap(secret);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }
    }

    private static void checkNotWritableByOthers(Path folder) throws IOException {
        if (!posix(folder)) {
            return;
        }
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(folder);
        if (perms.stream().anyMatch(WRITABLE_BY_OTHERS::contains)) {
            throw new InsecureKeyFileException(folder + " can be written by others (mode "
                    + PosixFilePermissions.toString(perms) + "), so its token key could be replaced; restrict it "
                    + "with: chmod 700 " + folder);
        }
    }

    private static boolean posix(Path path) {
        return path != null && Files.getFileAttributeView(path, PosixFileAttributeView.class) != null;
    }

    private static FileAttribute<Set<PosixFilePermission>> ownerOnly(String mode) {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode));
    }
}
