package io.rehearsal.gateway.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.model.block.LayoutBlock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The three Slack Web API methods the gateway uses ({@code chat.postMessage}, {@code chat.update},
 * {@code chat.postEphemeral}) with the bot token, over the official client. A Slack error ({@code
 * ok: false}) or a transport failure throws {@link SlackCallException}.
 */
public final class SlackApi implements AutoCloseable {

  private final Slack slack;
  private final MethodsClient methods;

  /**
   * @param botToken the bot user OAuth token ({@code xoxb-...})
   * @param urlPrefix the Web API URL prefix; empty for Slack's own ({@code
   *     https://slack.com/api/}), set for a stand-in
   */
  public SlackApi(String botToken, Optional<String> urlPrefix) {
    SlackConfig config = new SlackConfig();
    urlPrefix.ifPresent(config::setMethodsEndpointUrlPrefix);
    config.setPrettyResponseLoggingEnabled(false);
    this.slack = Slack.getInstance(config);
    this.methods = slack.methods(botToken);
  }

  /** Posts a message; returns its {@code ts} (the message id in its channel). */
  public String post(String channel, String text, List<LayoutBlock> blocks) {
    return ok(
            "chat.postMessage",
            () -> methods.chatPostMessage(r -> r.channel(channel).text(text).blocks(blocks)))
        .getTs();
  }

  /** Replaces the text and blocks of message {@code ts} in {@code channel}. */
  public void update(String channel, String ts, String text, List<LayoutBlock> blocks) {
    ok(
        "chat.update",
        () -> methods.chatUpdate(r -> r.channel(channel).ts(ts).text(text).blocks(blocks)));
  }

  /** Shows {@code text} to {@code user} only, in {@code channel}. */
  public void ephemeral(String channel, String user, String text) {
    ok(
        "chat.postEphemeral",
        () -> methods.chatPostEphemeral(r -> r.channel(channel).user(user).text(text)));
  }

  @Override
  public void close() throws Exception {
    slack.close();
  }

  private interface Call<T> {
    T call() throws IOException, SlackApiException;
  }

  private static <T extends SlackApiTextResponse> T ok(String method, Call<T> call) {
    T response;
    try {
      response = call.call();
    } catch (IOException e) {
      throw new UncheckedIOException(method + " failed: " + e.getMessage(), e);
    } catch (SlackApiException e) {
      throw new SlackCallException(method + " failed: HTTP " + e.getResponse().code());
    }
    if (!response.isOk()) {
      throw new SlackCallException(method + " answered ok=false: " + response.getError());
    }
    return response;
  }

  /** Slack refused a call or could not be reached. */
  public static final class SlackCallException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SlackCallException(String message) {
      super(message);
    }
  }
}
