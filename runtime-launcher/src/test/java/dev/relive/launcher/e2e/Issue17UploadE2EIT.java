package dev.relive.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;

/**
 * {@code /upload}: an avatar shown once uploaded, a refused too-large image and a refused type with their errors in
 * the page, and a gallery of many files chosen at once, each with its progress row.
 */
@ExtendWith(E2EExtension.class)
class Issue17UploadE2EIT {

    private final Browser browser;
    private final LiveServer server;

    @TempDir
    Path dir;

    Issue17UploadE2EIT(Browser browser, LiveServer server) {
        this.browser = browser;
        this.server = server;
    }

    @Test
    void anAvatarIsUploadedAndShownAndFilesOverTheLimitsAreRefusedWithTheirReason() throws IOException {
        int mark = browser.console().size();
        browser.open(server.url("/upload"));
        browser.waitForLive();

        browser.find("#avatar-input").sendKeys(png("me.png", 40, 40).toString());
        browser.waitUntil("the avatar row is done", () -> "done".equals(rowState("#avatar-files", 0)));
        browser.waitUntil("the server shows the avatar", () -> String.valueOf(
                browser.find("#avatar-image").getDomAttribute("src")).startsWith("data:image/png;base64,"));
        assertThat(browser.find("#avatar-image").getDomAttribute("alt")).isEqualTo("Avatar me.png");

        Path big = dir.resolve("big.png");
        byte[] bytes = new byte[300 * 1024];
        System.arraycopy(Files.readAllBytes(png("start.png", 4, 4)), 0, bytes, 0, 8);
        Files.write(big, bytes);
        browser.find("#avatar-input").sendKeys(big.toString());
        browser.waitUntil("the too-large file is refused", () -> "error".equals(rowState("#avatar-files", 1)));
        assertThat(rowError("#avatar-files", 1)).isEqualTo("the file is larger than 200 KB");

        Path text = Files.writeString(dir.resolve("notes.txt"), "not an image");
        browser.find("#avatar-input").sendKeys(text.toString());
        browser.waitUntil("the text file is refused", () -> "error".equals(rowState("#avatar-files", 2)));
        assertThat(rowError("#avatar-files", 2)).startsWith("files of this type are not accepted");
        assertThat(browser.find("#avatar-image").getDomAttribute("alt")).as("the avatar stays")
                .isEqualTo("Avatar me.png");
        assertThat(browser.problemsSince(mark)).isEmpty();
    }

    @Test
    void manyFilesGoToTheGalleryEachWithItsRow() throws IOException {
        browser.open(server.url("/upload"));
        browser.waitForLive();
        List<String> paths = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            paths.add(Files.writeString(dir.resolve("file-" + i + ".txt"), ("line " + i + "\n").repeat(i * 500),
                    StandardCharsets.UTF_8).toString());
        }
        paths.add(png("photo.png", 300, 200).toString());
        browser.find("#gallery-input").sendKeys(String.join("\n", paths));
        browser.waitForText("#gallery-count", "13");
        browser.waitUntil("every row is done", () -> browser.findAll("#gallery-files [rl-upload-state=done]")
                .size() == 13);
        List<WebElement> cells = browser.findAll("#gallery tbody td:first-child");
        assertThat(cells.stream().map(WebElement::getText)).contains("file-1.txt", "file-12.txt", "photo.png");
        WebElement lastRow = browser.findAll("#gallery-files [rl-upload-entry]").get(11);
        assertThat(lastRow.findElement(org.openqa.selenium.By.tagName("progress")).getDomProperty("value"))
                .isEqualTo(String.valueOf(Files.size(Path.of(paths.get(11)))));
        assertThat(browser.findAll("#gallery-files img.rl-upload-preview")).as("a preview of the image").hasSize(1);
    }

    private Path png(String name, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                image.setRGB(x, y, (x * 255 / width) << 16 | (y * 255 / height) << 8 | 0x80);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return Files.write(dir.resolve(name), out.toByteArray());
    }

    private String rowState(String list, int index) {
        List<WebElement> rows = browser.findAll(list + " [rl-upload-entry]");
        return rows.size() > index ? rows.get(index).getDomAttribute("rl-upload-state") : null;
    }

    private String rowError(String list, int index) {
        return browser.findAll(list + " [rl-upload-entry]").get(index)
                .findElement(org.openqa.selenium.By.className("rl-upload-error")).getText();
    }
}
