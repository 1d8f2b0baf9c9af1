package io.rehearsal.gateway.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.slack.api.app_backend.SlackSignature;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SignatureVerifierTest {

  /** Slack's published example ("Verifying requests from Slack"): secret, timestamp, body. */
  static final String EXAMPLE_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

  static final String EXAMPLE_TIMESTAMP = "1531420618";
  static final String EXAMPLE_BODY =
      "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
          + "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect"
          + "&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554"
          + "%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121"
          + ".803a0bc887a14d10d2c447fce8b6703c";
  static final String EXAMPLE_SIGNATURE =
      "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

  static Clock at(long epochSecond) {
    return Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
  }

  private static SignatureVerifier example(long nowSecond) {
    return new SignatureVerifier(EXAMPLE_SECRET, at(nowSecond));
  }

  private static byte[] body() {
    return EXAMPLE_BODY.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void shouldAcceptSlacksPublishedExampleWhenInsideTheWindow() {
    Verification v = example(1531420618L + 60).verify(EXAMPLE_TIMESTAMP, EXAMPLE_SIGNATURE, body());

    assertThat(v.outcome()).isEqualTo(Verification.Outcome.ACCEPTED);
    assertThat(example(0).sign(EXAMPLE_TIMESTAMP, body())).isEqualTo(EXAMPLE_SIGNATURE);
  }

  @Test
  void shouldSignAsTheSlackSdkWhenGivenRandomBodies() {
    Random random = new Random(17);
    String secret = "secret-" + random.nextInt();
    SlackSignature.Generator sdk = new SlackSignature.Generator(secret);
    SignatureVerifier ours = new SignatureVerifier(secret, at(0));
    for (int i = 0; i < 200; i++) {
      byte[] bytes = new byte[random.nextInt(600)];
      random.nextBytes(bytes);
      String text = new String(bytes, StandardCharsets.ISO_8859_1);
      String ts = Long.toString(1_700_000_000L + random.nextInt(1_000_000));
      byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);

      assertThat(ours.sign(ts, utf8)).isEqualTo(sdk.generate(ts, text));
    }
  }

  @Test
  void shouldAcceptTheWindowsEdgesAndRefuseBeyondThemInBothDirections() {
    long ts = Long.parseLong(EXAMPLE_TIMESTAMP);

    assertThat(example(ts + 300).verify(EXAMPLE_TIMESTAMP, EXAMPLE_SIGNATURE, body()).accepted())
        .isTrue();
    assertThat(example(ts - 300).verify(EXAMPLE_TIMESTAMP, EXAMPLE_SIGNATURE, body()).accepted())
        .isTrue();
    assertThat(example(ts + 301).verify(EXAMPLE_TIMESTAMP, EXAMPLE_SIGNATURE, body()).outcome())
        .isEqualTo(Verification.Outcome.STALE);
    assertThat(example(ts - 301).verify(EXAMPLE_TIMESTAMP, EXAMPLE_SIGNATURE, body()).outcome())
        .isEqualTo(Verification.Outcome.STALE);
  }

  @Test
  void shouldRefuseWithAReasonWhenHeadersAreMissingOrMalformed() {
    SignatureVerifier v = example(1531420618L);

    assertThat(v.verify(null, EXAMPLE_SIGNATURE, body()).outcome())
        .isEqualTo(Verification.Outcome.MISSING_HEADER);
    assertThat(v.verify(EXAMPLE_TIMESTAMP, "", body()).outcome())
        .isEqualTo(Verification.Outcome.MISSING_HEADER);
    assertThat(v.verify("1531420618.5", EXAMPLE_SIGNATURE, body()).outcome())
        .isEqualTo(Verification.Outcome.MALFORMED);
    assertThat(v.verify(EXAMPLE_TIMESTAMP, "v1" + EXAMPLE_SIGNATURE.substring(2), body()).outcome())
        .isEqualTo(Verification.Outcome.MALFORMED);
    assertThat(v.verify(EXAMPLE_TIMESTAMP, EXAMPLE_SIGNATURE.toUpperCase(), body()).outcome())
        .isEqualTo(Verification.Outcome.MALFORMED);
    assertThat(v.verify(EXAMPLE_TIMESTAMP, EXAMPLE_SIGNATURE, new byte[0]).outcome())
        .isEqualTo(Verification.Outcome.BAD_SIGNATURE);
  }

  @Test
  void shouldRefuseToStartWhenTheSecretIsBlank() {
    assertThatThrownBy(() -> new SignatureVerifier(" ", at(0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("signing secret");
  }
}
