package io.rehearsal.gateway.web;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@link WebTestProfile} with Slack approvals on, the Web API at a {@link SlackStandIn}. */
public class WebSlackProfile extends WebTestProfile {

  static final String SECRET = "web-test-signing-secret";
  static final String CHANNEL = "C0APPROVALS";
  static final String SLACK_BOB = "U0BOB";

  @Override
  public Map<String, String> getConfigOverrides() {
    Map<String, String> config = new HashMap<>(super.getConfigOverrides());
    config.put("rehearsal.gateway.slack.enabled", "true");
    config.put("rehearsal.gateway.slack.signing-secret", SECRET);
    config.put("rehearsal.gateway.slack.bot-token", "xoxb-web-test");
    config.put("rehearsal.gateway.slack.channel", CHANNEL);
    config.put("rehearsal.gateway.slack.users." + SLACK_BOB, "bob");
    return config;
  }

  @Override
  public List<TestResourceEntry> testResources() {
    return List.of(new TestResourceEntry(Users.class), new TestResourceEntry(Slack.class));
  }

  /** Starts the stand-in before the gateway and points the gateway at it. */
  public static class Slack implements QuarkusTestResourceLifecycleManager {

    static volatile SlackStandIn slack;

    @Override
    public Map<String, String> start() {
      slack = SlackStandIn.start();
      return Map.of("rehearsal.gateway.slack.api-url-prefix", slack.urlPrefix());
    }

    @Override
    public void stop() {
      slack.close();
    }
  }
}
