package dev.relive.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageTest {

    @TempDir
    Path tmp;

    @Test
    void theScratchFolderOfALaunchThatEndedWithoutTidyingIsDeleted() throws Exception {
        long dead = endedProcess();
        Path left = Files.createDirectories(tmp.resolve("relive-" + dead + "-abc/felix/bundle1"));
        Files.writeString(left.resolve("bundle.info"), "x");
        Path lockedOnce = Files.createDirectories(tmp.resolve("relive-" + dead + "-def"));
        Files.writeString(lockedOnce.resolve(".running"), ""); // its lock went with its process

        assertThat(Storage.deleteLeftovers(tmp)).isEqualTo(2);

        assertThat(tmp.resolve("relive-" + dead + "-abc")).doesNotExist();
        assertThat(lockedOnce).doesNotExist();
    }

    @Test
    void aFolderOfARunningLaunchIsKept() throws Exception {
        Path running = Files.createDirectories(tmp.resolve("relive-" + ProcessHandle.current().pid() + "-abc"));
        Path parent = Files.createDirectories(tmp.resolve("relive-" + ProcessHandle.current().parent()
                .map(ProcessHandle::pid).orElseThrow() + "-abc"));

        assertThat(Storage.deleteLeftovers(tmp)).isZero();

        assertThat(running).exists();
        assertThat(parent).exists();
    }

    @Test
    void aFolderWhoseLockIsHeldIsKeptThoughItsProcessIsNotSeen() throws Exception {
        // a launch in another PID namespace (a container sharing the temporary folder): its PID means nothing here
        Path other = Files.createDirectories(tmp.resolve("relive-" + endedProcess() + "-abc"));
        try (FileChannel channel = FileChannel.open(other.resolve(".running"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
            assertThat(Storage.deleteLeftovers(tmp)).isZero();
            assertThat(other).exists();
        }
    }

    @Test
    void otherNamesAndFilesAreLeftAlone() throws Exception {
        long dead = endedProcess();
        Path notOurs = Files.createDirectories(tmp.resolve("relive-hvr-warm123"));
        Path file = Files.writeString(tmp.resolve("relive-" + dead + "-file"), "x");
        Path noSuffix = Files.createDirectories(tmp.resolve("relive-" + dead + "-"));

        assertThat(Storage.deleteLeftovers(tmp)).isZero();

        assertThat(notOurs).exists();
        assertThat(file).exists();
        assertThat(noSuffix).exists();
        assertThat(Storage.pidOf("relive-12-x")).isEqualTo(12);
        assertThat(Storage.pidOf("relive-hvr-warm")).isEqualTo(-1);
        assertThat(Storage.pidOf("other-12-x")).isEqualTo(-1);
    }

    @Test
    void aNewScratchFolderIsLockedUntilDeleted() throws Exception {
        Path scratch = Storage.newScratch();
        try {
            assertThat(scratch.resolve(".running")).exists();
            try (FileChannel channel = FileChannel.open(scratch.resolve(".running"), StandardOpenOption.WRITE)) {
                assertThat(catchOverlap(channel)).isTrue();
            }
        } finally {
            Storage.delete(scratch);
        }
        assertThat(scratch).doesNotExist();
    }

    private static boolean catchOverlap(FileChannel channel) throws Exception {
        try (FileLock lock = channel.tryLock()) {
            return lock == null;
        } catch (java.nio.channels.OverlappingFileLockException e) {
            return true; // held by this JVM: the launch's own lock
        }
    }

    /** The PID of a process that has ended. */
    private static long endedProcess() throws Exception {
        Process p = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.waitFor();
        return p.pid();
    }
}
