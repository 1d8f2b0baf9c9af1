package io.rehearsal.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PasswordHashTest {

  private final SecureRandom random = new SecureRandom();

  @Test
  void shouldMatchOnlyThePasswordItWasMadeFrom() {
    String hash = PasswordHash.hash("correct horse".toCharArray(), 1_000, random);

    assertThat(PasswordHash.matches("correct horse".toCharArray(), hash)).isTrue();
    assertThat(PasswordHash.matches("correct horse ".toCharArray(), hash)).isFalse();
    assertThat(PasswordHash.matches(new char[0], hash)).isFalse();
  }

  @Test
  void shouldSaltEveryHashWhenThePasswordRepeats() {
    String a = PasswordHash.hash("same".toCharArray(), 1_000, random);
    String b = PasswordHash.hash("same".toCharArray(), 1_000, random);

    assertThat(a).isNotEqualTo(b).startsWith("pbkdf2-sha256$1000$");
    assertThat(PasswordHash.matches("same".toCharArray(), b)).isTrue();
  }

  @Test
  void shouldVerifyAHashMadeWithPythonsHashlibAsDocsReviewPageShows() {
    // python3: hashlib.pbkdf2_hmac("sha256", b"on-call 2026", bytes(range(16)), 1000), base64
    // without padding (docs/review-page.md, "Adding users")
    String hash =
        "pbkdf2-sha256$1000$AAECAwQFBgcICQoLDA0ODw$KXNo+t020FzZqskQvsJh349t0MW5lRaquFZdT/my+0I";

    assertThat(PasswordHash.matches("on-call 2026".toCharArray(), hash)).isTrue();
    assertThat(PasswordHash.matches("on-call 2025".toCharArray(), hash)).isFalse();
  }

  @Test
  void shouldNameTheBadValueWhenTheHashIsMalformed() {
    assertThatThrownBy(() -> PasswordHash.matches("x".toCharArray(), "md5$abc"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("md5$abc");
    assertThatThrownBy(() -> PasswordHash.parse("pbkdf2-sha256$0$AAAA$AAAA"))
        .hasMessageContaining("iterations must be >= 1, but was 0");
    assertThatThrownBy(() -> PasswordHash.hash("x".toCharArray(), 0, random))
        .hasMessageContaining("but was 0");
  }
}
