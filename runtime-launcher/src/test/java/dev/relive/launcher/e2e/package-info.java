/**
 * End-to-end tests: the launcher jar in dev mode ({@link dev.relive.launcher.e2e.LiveServer}) and the machine's
 * headless Chromium ({@link dev.relive.launcher.e2e.Browser}) drive the example views as a user would.
 *
 * <p>Run them with {@code mvn -B verify -pl runtime-launcher -Dit.test='*E2EIT'} (after
 * {@code mvn -B install -DskipTests} of the bundles). They need {@code /usr/bin/chromium} and
 * {@code /usr/bin/chromedriver} (Debian packages {@code chromium} and {@code chromium-driver}) and fail without
 * them. A failed test leaves a screenshot of every open tab and a log (browser console, launcher output) in
 * {@code runtime-launcher/target/e2e-failures/}; {@code PagesE2EIT} leaves a screenshot of every page in
 * {@code target/e2e-screenshots/}.
 *
 * <p>Hot View Replacement: {@link dev.relive.launcher.e2e.UserState#build()} builds up state in every example,
 * {@link dev.relive.launcher.e2e.UserState#assertStateKept()} checks all of it; the code change goes between the
 * two, in {@link dev.relive.launcher.e2e.LiveServer#source(String, String)} (a copy of the example projects that
 * the launcher's HVR watches), followed by {@link dev.relive.launcher.e2e.UserState#awaitHvrApplied}.
 */
package dev.relive.launcher.e2e;
