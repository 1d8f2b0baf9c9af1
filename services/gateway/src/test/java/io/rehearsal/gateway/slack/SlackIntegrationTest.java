package io.rehearsal.gateway.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The gateway as configured by default: started without any Slack setting, Slack off. */
@QuarkusTest
class SlackIntegrationTest {

  @Inject SlackIntegration slack;

  @TestHTTPResource("/slack/interactions")
  URI url;

  /** A configuration with Slack on and the given secret, token and channel. */
  record Config(Optional<String> secret, Optional<String> token, Optional<String> channelId)
      implements SlackConfig {
    @Override
    public boolean enabled() {
      return true;
    }

    @Override
    public Optional<String> signingSecret() {
      return secret;
    }

    @Override
    public Optional<String> botToken() {
      return token;
    }

    @Override
    public Optional<String> channel() {
      return channelId;
    }

    @Override
    public Map<String, String> users() {
      return Map.of();
    }

    @Override
    public Optional<String> apiUrlPrefix() {
      return Optional.empty();
    }
  }

  @Test
  void shouldAnswer404WithAProblemWhenSlackIsOff() throws Exception {
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(url)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("payload=%7B%7D"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(slack.enabled()).isFalse();
    assertThat(answer.statusCode()).isEqualTo(404);
    assertThat(answer.body()).contains("rehearsal.gateway.slack.enabled");
  }

  @Test
  void shouldNameTheMissingKeyWhenEnabledWithoutIt() {
    Config noToken = new Config(Optional.of("secret"), Optional.empty(), Optional.of("C1"));

    assertThatThrownBy(
            () -> SlackIntegration.start(noToken, "http://page", null, null, Clock.systemUTC()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("rehearsal.gateway.slack.bot-token");
  }
}
