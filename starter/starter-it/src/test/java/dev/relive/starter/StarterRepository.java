package dev.relive.starter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * The local repository a generated project builds against, offline: every group of the user's local repository
 * linked in, except {@code dev/relive}, which holds this build's artifacts (a {@code verify} installs nothing).
 */
final class StarterRepository {

    private StarterRepository() {
    }

    static Path create(Path target, Path userRepository, Path reliveArtifacts) throws IOException {
        Files.createDirectories(target.resolve("dev"));
        linkChildren(userRepository, target, "dev");
        linkChildren(userRepository.resolve("dev"), target.resolve("dev"), "relive");
        Path relive = reliveArtifacts.resolve("dev/relive");
        try (Stream<Path> files = Files.walk(relive)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path copy = target.resolve("dev/relive").resolve(relive.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return target;
    }

    private static void linkChildren(Path from, Path to, String except) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> children = Files.list(from)) {
            for (Path child : (Iterable<Path>) children::iterator) {
                String name = child.getFileName().toString();
                if (!name.equals(except)) {
                    Files.createSymbolicLink(to.resolve(name), child.toAbsolutePath());
                }
            }
        }
    }
}
