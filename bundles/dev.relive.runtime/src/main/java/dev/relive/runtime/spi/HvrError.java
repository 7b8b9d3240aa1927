package dev.relive.runtime.spi;

/**
 * The {@code hvr-error} frame: the last save of a bundle did not build, the old code stays live. The browser shows
 * an overlay naming the place until the next {@code hvr-applied}.
 *
 * @param bundle the symbolic name of the bundle that did not build
 * @param file the file of the first error
 * @param line its line, 1-based, or 0 when the error has no place
 * @param column its column, 1-based, or 0
 * @param message the compiler's or packager's message
 */
public record HvrError(String bundle, String file, long line, long column, String message) {
}
