package io.rehearsal.gateway.web;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium and chromedriver for the browser tests: both paths given explicitly and {@code
 * SE_OFFLINE=true}, so Selenium never downloads a driver; a test class is skipped, saying why, only
 * where the two are not installed.
 */
final class HeadlessChromium {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private HeadlessChromium() {}

  /** A headless browser with its console log kept; skips the calling class without one. */
  static ChromeDriver start(String what) {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        what
            + " skipped: "
            + CHROMIUM
            + " or "
            + CHROMEDRIVER
            + " is missing (apt-get install chromium chromium-driver; .ci/run does)");
    System.setProperty("SE_OFFLINE", "true");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1280,1800");
    options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
    return new ChromeDriver(service, options);
  }
}
