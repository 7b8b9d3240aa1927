package dev.relive.runtime.internal.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The token key file: owner-only from the start, and a key others could know or have planted is refused. */
class Issue16KeyFileTest {

    @TempDir
    Path dir;

    @Test
    void aNewKeyIsOwnerOnlyInAnOwnerOnlyFolder() throws Exception {
        Path key = dir.resolve(".relive/token.key");
        byte[] secret = KeyFile.readOrCreate(key);
        assertThat(secret).hasSize(KeyFile.SECRET_BYTES);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key.getParent())))
                .isEqualTo("rwx------");
        assertThat(KeyFile.readOrCreate(key)).isEqualTo(secret);
    }

    @Test
    void aPlantedWorldWritableKeyIsRefusedAndTokensForgedWithItDoNotVerify() throws Exception {
        Path key = dir.resolve(".relive/token.key");
        Files.createDirectories(key.getParent(), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        byte[] known = new byte[32];
        Files.write(key, known);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-rw-rw-"));
        assertThatThrownBy(() -> TokenSigner.withSecretIn(key))
                .isInstanceOf(KeyFile.InsecureKeyFileException.class)
                .hasMessageContaining("can be read or written by others").hasMessageContaining("chmod 600");
    }

    @Test
    void aGroupReadableKeyIsRefused() throws Exception {
        Path key = dir.resolve("state/token.key");
        KeyFile.readOrCreate(key);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r-----"));
        assertThatThrownBy(() -> KeyFile.readOrCreate(key)).isInstanceOf(KeyFile.InsecureKeyFileException.class);
    }

    @Test
    void aFolderOthersCanWriteIntoIsRefused() throws Exception {
        Path folder = dir.resolve("shared");
        Files.createDirectories(folder);
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThatThrownBy(() -> KeyFile.readOrCreate(folder.resolve("token.key")))
                .isInstanceOf(KeyFile.InsecureKeyFileException.class).hasMessageContaining("chmod 700");
    }

    @Test
    void anOlderReadableFolderIsMadeOwnerOnly() throws Exception {
        Path folder = dir.resolve("old");
        Files.createDirectories(folder);
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        KeyFile.readOrCreate(folder.resolve("token.key"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
    }

    @Test
    void aKeptKeyStillSignsForTheNextRun() throws Exception {
        Path key = dir.resolve(".relive/token.key");
        String token = TokenSigner.withSecretIn(key).sign("/a", "V", Map.of(), 60);
        assertThat(TokenSigner.withSecretIn(key).verify(token).route()).isEqualTo("/a");
        assertThatThrownBy(() -> TokenSigner.withRandomSecret().verify(token))
                .isInstanceOf(TokenSigner.BadTokenException.class);
        assertThat(new TokenSigner(KeyFile.readOrCreate(key), Clock.systemUTC()).verify(token)).isNotNull();
    }
}
