package io.rehearsal.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.rehearsal.gateway.decision.DecisionDesk;
import io.rehearsal.proto.v1.ApproveRequest;
import io.rehearsal.proto.v1.Decision;
import io.rehearsal.proto.v1.DecisionState;
import io.rehearsal.proto.v1.Evaluation;
import io.rehearsal.proto.v1.ReviewChannel;
import io.rehearsal.store.RedisStore;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The review page in a real browser: Debian's chromium driven by its chromedriver (both paths
 * given, so Selenium never looks for or downloads a driver), headless, one browser for the class.
 * Screenshots go to target/screenshots/.
 */
@QuarkusTest
@TestProfile(WebTestProfile.class)
class ReviewPageBrowserTest {

  static final Path SCREENSHOTS = Path.of("target/screenshots");

  /** Do nothing, the observed p99 of the incident, and the three candidates. */
  static final int SERIES_PER_PLOT = 1 + 1 + WebFixtures.CANDIDATES.size();

  private static ChromeDriver browser;

  @Inject RedisStore store;
  @Inject DecisionDesk desk;

  @TestHTTPResource("/")
  URI base;

  @BeforeAll
  static void startBrowser() {
    browser = HeadlessChromium.start("browser tests");
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void shouldListDecisionsNewestFirstUnderTheirIncidentWhenSignedIn() throws Exception {
    String run = run();
    Evaluation e = WebFixtures.store(store, run, Instant.now());
    Decision older = submit(run + "-a", e, 1);
    Decision newer = submit(run + "-b", e, 2);

    signIn("alice");
    browser.get(url("/ui/decisions?state=PENDING_APPROVAL&service=checkout"));

    List<String> ids =
        browser
            .findElements(
                By.xpath(
                    "//h2[span[text()='"
                        + e.getIncidentId()
                        + "']]/following-sibling::table[1]//tr[@data-id]"))
            .stream()
            .map(r -> r.getAttribute("data-id"))
            .toList();
    assertThat(ids).containsExactly(newer.getId(), older.getId());
    assertThat(browser.findElement(By.id("who")).getText()).isEqualTo("alice");
    assertThat(browser.findElement(By.id("who")).getAttribute("href")).endsWith("/ui/password");
    screenshot("decision-list");
  }

  @Test
  void shouldSayLiveUpdatesStoppedInsteadOfShowingTheSignInPageWhenTheSessionEnds()
      throws Exception {
    String run = run();
    Evaluation e = WebFixtures.store(store, run, Instant.now());
    submit(run + "-a", e, 1);
    signIn("alice");
    browser.get(url("/ui/decisions"));
    Thread.sleep(2_500); // a poll that succeeds leaves the banner hidden
    assertThat(browser.findElement(By.id("stale")).isDisplayed()).isFalse();

    browser.manage().deleteAllCookies(); // the session ends under the open page

    wait(8).until(ExpectedConditions.visibilityOfElementLocated(By.id("stale")));
    assertThat(browser.findElement(By.id("stale")).getText())
        .startsWith("Live updates stopped at")
        .contains("you are signed out");
    assertThat(browser.findElements(By.id("decisions"))).hasSize(1); // the list stays
    assertThat(browser.findElements(By.id("username"))).isEmpty(); // no sign-in form swapped in
    screenshot("updates-stopped");
  }

  @Test
  void shouldDrawBothPlotsWithOneSeriesPerArmWhenADecisionIsOpened() throws Exception {
    String run = run();
    Decision d = submit(run, WebFixtures.store(store, run, Instant.now()), 0);

    signIn("alice");
    open(d);
    wait(5)
        .until(
            ExpectedConditions.numberOfElementsToBe(
                By.cssSelector("figure[data-rendered=true]"), 2));

    for (WebElement plot : browser.findElements(By.cssSelector("figure.plot"))) {
      assertThat(plot.findElements(By.tagName("canvas"))).isNotEmpty();
      assertThat(plot.getAttribute("data-series-count"))
          .isEqualTo(Integer.toString(SERIES_PER_PLOT));
      // uPlot's legend: the x series and one row per drawn series
      assertThat(plot.findElements(By.cssSelector(".u-legend .u-series")))
          .hasSize(SERIES_PER_PLOT + 1);
      // a 10-90 % band under every arm (do nothing and the candidates), none for the observations
      assertThat(plot.getAttribute("data-bands")).isEqualTo(Integer.toString(SERIES_PER_PLOT - 1));
    }
    assertThat(browser.findElement(By.id("plot-note")).getText()).contains("10–90 %");
    assertThat(browser.findElement(By.id("recommendation")).getText())
        .isEqualTo(WebFixtures.SENTENCE);
    assertThat(browser.findElements(By.cssSelector("#hypotheses tbody tr"))).hasSize(2);
    assertThat(browser.findElements(By.cssSelector("#candidates tr.candidate"))).hasSize(3);
    assertThat(
            browser
                .findElement(By.cssSelector("#candidates tr.requested"))
                .getAttribute("data-candidate"))
        .isEqualTo("rollback-checkout");
    assertThat(browser.findElement(By.id("fidelity")).getText()).contains("p99 MAPE 8.0 %");
    assertThat(browser.findElements(By.cssSelector("#rules tbody tr"))).isNotEmpty();
    assertThat(browser.manage().logs().get("browser").getAll())
        .extracting(Object::toString)
        .noneMatch(line -> line.contains("Content Security Policy"));
    browser.manage().window().setSize(new Dimension(1280, 3000));
    try {
      screenshot("review-page"); // the README's docs/review-page.png is a copy of this one
    } finally {
      browser.manage().window().setSize(new Dimension(1280, 1800));
    }
  }

  @Test
  void shouldApproveAndShowTheNewStateAndAuditEntryWithoutReload() throws Exception {
    String run = run();
    Decision d = submit(run, WebFixtures.store(store, run, Instant.now()), 1);

    signIn("alice");
    open(d);
    WebElement heading = browser.findElement(By.tagName("h1"));
    browser.findElement(By.id("approve-comment")).sendKeys("rehearsal looks right");
    browser.findElement(By.id("approve")).click();

    waitForState("APPROVED");
    assertThat(browser.findElement(By.cssSelector("#result.ok")).getText())
        .contains("approved by alice");
    assertThat(
            browser.findElements(
                By.cssSelector("#audit tr[data-revision='2'][data-state='APPROVED']")))
        .hasSize(1);
    assertThat(browser.findElement(By.cssSelector("#reviews tr.review-line")).getText())
        .contains("alice", "APPROVE", "WEB", "rehearsal looks right");
    assertThat(heading.isDisplayed()).isTrue(); // still the same page: no reload
    assertThat(desk.get(d.getId()).getState()).isEqualTo(DecisionState.DECISION_STATE_APPROVED);
    screenshot("approved");
  }

  @Test
  void shouldRejectWithTheReasonInTheReviewsWhenReviewerSaysNo() throws Exception {
    String run = run();
    Decision d = submit(run, WebFixtures.store(store, run, Instant.now()), 2);

    signIn("bob");
    open(d);
    browser.findElement(By.id("reject-comment")).sendKeys("traffic is already recovering");
    browser.findElement(By.id("reject")).click();

    waitForState("REJECTED");
    assertThat(browser.findElement(By.cssSelector("#reviews tr.review-line")).getText())
        .contains("bob", "REJECT", "WEB", "traffic is already recovering");
    assertThat(browser.findElements(By.cssSelector("#audit tr[data-state='REJECTED']"))).hasSize(1);
    assertThat(desk.get(d.getId()).getState()).isEqualTo(DecisionState.DECISION_STATE_REJECTED);
  }

  @Test
  void shouldNeedASecondApproverWhenThePolicyAsksForTwo() throws Exception {
    String run = run();
    Decision d = submit(run, WebFixtures.store(store, run, Instant.now()), 0); // rollback: two

    signIn("alice");
    open(d);
    browser.findElement(By.id("approve")).click();
    wait(5)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#status .now"), "approvals 1/2"));
    assertThat(browser.findElement(By.id("state")).getText()).isEqualTo("PENDING_APPROVAL");
    screenshot("four-eyes-first");

    signIn("bob");
    open(d);
    browser.findElement(By.id("approve")).click();

    waitForState("APPROVED");
    assertThat(browser.findElements(By.cssSelector("#reviews tr.review-line"))).hasSize(2);
    assertThat(desk.get(d.getId()).getReviewsList())
        .extracting(r -> r.getReviewer())
        .containsExactly("alice", "bob");
    screenshot("four-eyes-second");
  }

  @Test
  void shouldRefuseSelfApprovalWithTheGatewaysReason() throws Exception {
    String run = run();
    Decision d = submit(run, WebFixtures.store(store, run, Instant.now()), 1);

    signIn(WebFixtures.REQUESTER);
    open(d);
    browser.findElement(By.id("approve")).click();

    WebElement error =
        wait(5)
            .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#result.error")));
    assertThat(error.getText()).contains("Not approved", "cannot review");
    assertThat(browser.findElement(By.id("state")).getText()).isEqualTo("PENDING_APPROVAL");
    assertThat(desk.get(d.getId()).getRevision()).isEqualTo(1);
    screenshot("self-approval-refused");
  }

  @Test
  void shouldShowADecisionMadeInSlackWithoutReload() throws Exception {
    String run = run();
    Decision d = submit(run, WebFixtures.store(store, run, Instant.now()), 1);
    signIn("alice");
    open(d);
    WebElement heading = browser.findElement(By.tagName("h1"));

    desk.approve(
        ApproveRequest.newBuilder()
            .setDecisionId(d.getId())
            .setReviewer("bob")
            .setChannel(ReviewChannel.REVIEW_CHANNEL_SLACK)
            .setComment("approved in Slack")
            .setExpectedRevision(1)
            .build());

    waitForState("APPROVED");
    assertThat(
            browser
                .findElement(By.cssSelector("#reviews tr.review-line"))
                .getAttribute("data-channel"))
        .isEqualTo("SLACK");
    assertThat(heading.isDisplayed()).isTrue();
    assertThat(browser.findElements(By.id("approve"))).isEmpty(); // decided: no more forms
    screenshot("decided-in-slack");
  }

  private Decision submit(String requestId, Evaluation e, int candidate) {
    return desk.submit(WebFixtures.request(requestId, e, candidate)).decision();
  }

  private void signIn(String user) {
    browser.get(url("/ui/login"));
    browser.manage().deleteAllCookies();
    browser.get(url("/ui/login"));
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys(WebTestProfile.password(user));
    browser.findElement(By.id("sign-in")).click();
    wait(5).until(ExpectedConditions.textToBe(By.id("who"), user));
  }

  private void open(Decision d) {
    browser.get(url("/ui/decisions/" + d.getId()));
    wait(5).until(ExpectedConditions.textToBe(By.id("decision-id"), d.getId()));
  }

  private void waitForState(String state) {
    wait(6).until(ExpectedConditions.textToBe(By.id("state"), state));
  }

  private static WebDriverWait wait(int seconds) {
    return new WebDriverWait(browser, Duration.ofSeconds(seconds));
  }

  private String url(String path) {
    return base.resolve(path).toString();
  }

  private static String run() {
    return "web-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static Path screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Path file = SCREENSHOTS.resolve(name + ".png");
    Files.copy(
        browser.getScreenshotAs(OutputType.FILE).toPath(),
        file,
        StandardCopyOption.REPLACE_EXISTING);
    Files.write(
        SCREENSHOTS.resolve(name + ".console.log"),
        browser.manage().logs().get("browser").getAll().stream().map(Object::toString).toList());
    return file;
  }
}
