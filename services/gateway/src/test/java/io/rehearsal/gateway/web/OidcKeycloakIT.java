package io.rehearsal.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.rehearsal.gateway.decision.DecisionDesk;
import io.rehearsal.proto.v1.Decision;
import io.rehearsal.proto.v1.DecisionState;
import io.rehearsal.proto.v1.Evaluation;
import io.rehearsal.proto.v1.Review;
import io.rehearsal.proto.v1.ReviewChannel;
import io.rehearsal.store.RedisStore;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The review page signed in through a real Keycloak ({@link KeycloakResource}) in a real browser
 * (Debian's chromium, as {@link ReviewPageBrowserTest}): Keycloak's own login form, the code flow
 * back to the page, an approval recorded with the OIDC identity and channel WEB, a reviewer outside
 * the rule's approver groups refused, and sign-out through Keycloak. Policy: production restarts
 * need one approver from {@code sre} or {@code payments}. Run with {@code -Poidc-it}.
 */
@QuarkusTest
@TestProfile(OidcKeycloakIT.WithKeycloak.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OidcKeycloakIT {

  private static final Logger LOG = Logger.getLogger(OidcKeycloakIT.class);
  private static final int RESTART = 2; // WebFixtures.CANDIDATES: rolling restart of checkout
  private static final long CLASS_STARTED = System.nanoTime();

  /** Keycloak as the provider, the approver-groups policy, a users file that must stay unused. */
  public static class WithKeycloak implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "rehearsal.gateway.policy-file", "src/test/resources/policy/gateway-groups.yaml",
          "rehearsal.gateway.web.users-file", "target/web-test/keycloak-users");
    }

    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(KeycloakResource.class));
    }
  }

  private static ChromeDriver browser;

  @Inject RedisStore store;
  @Inject DecisionDesk desk;

  @TestHTTPResource("/")
  URI base;

  @BeforeAll
  static void startBrowser() {
    browser = HeadlessChromium.start("OIDC browser test");
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
    LOG.infof(
        "OIDC through Keycloak: Keycloak answered after %d ms; the tests took %d ms after the gateway started",
        KeycloakResource.startTime.toMillis(),
        Duration.ofNanos(System.nanoTime() - CLASS_STARTED).toMillis());
  }

  @Test
  @Order(1)
  void shouldRecordTheKeycloakIdentityAsReviewerWhenAnSreApprovesOnThePage() {
    Decision d = submit();

    signIn("alice", d);
    assertThat(browser.findElement(By.id("who")).getText()).isEqualTo("alice");
    // the provider owns passwords: no link to the local password page
    assertThat(browser.findElement(By.id("who")).getTagName()).isEqualTo("span");
    List<Cookie> session = sessionCookies();
    assertThat(session).isNotEmpty(); // q_session, or its chunks when the tokens exceed 4 KB
    assertThat(session).allMatch(Cookie::isHttpOnly).allMatch(c -> "Lax".equals(c.getSameSite()));
    browser.findElement(By.id("approve-comment")).sendKeys("signed in through Keycloak");
    browser.findElement(By.id("approve")).click();
    wait(10).until(ExpectedConditions.textToBe(By.id("state"), "APPROVED"));

    Decision stored = desk.get(d.getId());
    assertThat(stored.getState()).isEqualTo(DecisionState.DECISION_STATE_APPROVED);
    Review review = stored.getReviews(0);
    assertThat(review.getReviewer()).isEqualTo("alice");
    assertThat(review.getChannel()).isEqualTo(ReviewChannel.REVIEW_CHANNEL_WEB);
    assertThat(review.getGroupsList()).containsExactly("sre");
    assertThat(review.getComment()).isEqualTo("signed in through Keycloak");
  }

  @Test
  @Order(2)
  void shouldSignOutThroughKeycloakWhenTheReviewerClicksSignOut() {
    Decision d = submit();
    signIn("alice", d);

    browser.findElement(By.cssSelector("form.signout button")).click();
    wait(15).until(ExpectedConditions.presenceOfElementLocated(By.id("oidc-sign-in")));
    assertThat(sessionCookies()).isEmpty();

    // the Keycloak session ended too: the page asks for a password again
    browser.get(url("/ui/decisions"));
    wait(15).until(ExpectedConditions.presenceOfElementLocated(By.id("kc-login")));
    assertThat(browser.getCurrentUrl()).startsWith("http://127.0.0.1:");
  }

  @Test
  @Order(3)
  void shouldRefuseAnApprovalWhenTheKeycloakUserIsInNoneOfTheApproverGroups() {
    Decision d = submit();

    signIn("bob", d);
    assertThat(browser.findElement(By.id("who")).getText()).isEqualTo("bob");
    browser.findElement(By.id("approve")).click();
    wait(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#result.error")));

    assertThat(browser.findElement(By.id("result")).getText())
        .contains("bob is in none of the approver groups");
    Decision stored = desk.get(d.getId());
    assertThat(stored.getState()).isEqualTo(DecisionState.DECISION_STATE_PENDING_APPROVAL);
    assertThat(stored.getReviewsList()).isEmpty();
  }

  private Decision submit() {
    String run = "oidc-" + UUID.randomUUID().toString().substring(0, 8);
    Evaluation e = WebFixtures.store(store, run, Instant.now());
    Decision d = desk.submit(WebFixtures.request(run, e, RESTART)).decision();
    assertThat(d.getApproverGroupsList()).containsExactlyInAnyOrder("payments", "sre");
    return d;
  }

  /**
   * Opens the decision with no session at the gateway or at Keycloak: Keycloak's login form comes
   * first, then the page.
   */
  private void signIn(String user, Decision d) {
    String issuer =
        ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
    browser.get(issuer + "/.well-known/openid-configuration"); // under the realm cookies' path
    browser.manage().deleteAllCookies(); // Keycloak's (127.0.0.1)
    browser.get(url("/ui/login"));
    browser.manage().deleteAllCookies(); // the gateway's (localhost)
    browser.get(url("/ui/decisions/" + d.getId()));
    wait(15).until(ExpectedConditions.presenceOfElementLocated(By.id("kc-login")));
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys(user + "-pw");
    browser.findElement(By.id("kc-login")).click();
    wait(15).until(ExpectedConditions.textToBe(By.id("decision-id"), d.getId()));
  }

  private static List<Cookie> sessionCookies() {
    return browser.manage().getCookies().stream()
        .filter(c -> c.getName().startsWith("q_session"))
        .toList();
  }

  private static WebDriverWait wait(int seconds) {
    return new WebDriverWait(browser, Duration.ofSeconds(seconds));
  }

  private String url(String path) {
    return base.resolve(path).toString();
  }
}
