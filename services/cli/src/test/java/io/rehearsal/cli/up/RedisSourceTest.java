package io.rehearsal.cli.up;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rehearsal.cli.CommandFailure;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedisSourceTest {

  @Test
  void shouldStartAndStopAnEmbeddedRedisWhenTheEnvironmentNamesNone(@TempDir Path data)
      throws Exception {
    RedisSource redis = RedisSource.open(null, data);
    Optional<ProcessHandle> server;
    try {
      URI uri = URI.create(redis.uri());
      try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
        assertThat(socket.isConnected()).isTrue();
      }
      assertThat(redis.embedded()).isTrue();
      assertThat(redis.description()).startsWith("Redis " + redis.uri() + " (embedded, pid ");
      server = ProcessHandle.current().children().filter(p -> isRedis(p)).findFirst();
      assertThat(server).isPresent();
    } finally {
      redis.close();
    }
    assertThat(server.get().isAlive()).isFalse();
  }

  @Test
  void shouldUseTheRedisFromTheEnvironmentWhenItIsReachable() throws Exception {
    try (ServerSocket fakeRedisPort = new ServerSocket(0)) {
      String url = "redis://127.0.0.1:" + fakeRedisPort.getLocalPort();

      RedisSource redis = RedisSource.open(url, Path.of("/unused"));

      assertThat(redis.uri()).isEqualTo(url);
      assertThat(redis.embedded()).isFalse();
      assertThat(redis.description()).isEqualTo("Redis " + url + " (from REHEARSAL_REDIS_URL)");
    }
  }

  @Test
  void shouldFailClearlyWithoutShowingThePasswordWhenTheEnvironmentRedisIsUnreachable()
      throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String url = "redis://user:secret@127.0.0.1:" + port;

    assertThatThrownBy(() -> RedisSource.open(url, Path.of("/unused")))
        .isInstanceOf(CommandFailure.class)
        .hasMessageStartingWith("REHEARSAL_REDIS_URL=redis://***@127.0.0.1:" + port)
        .hasMessageContaining("is not reachable")
        .hasMessageNotContaining("secret");
  }

  @Test
  void shouldRejectAUrlThatIsNotRedis() {
    assertThatThrownBy(() -> RedisSource.open("http://:pw@localhost:6379", Path.of("/unused")))
        .isInstanceOf(CommandFailure.class)
        .hasMessage(
            "REHEARSAL_REDIS_URL must look like redis://host:port, but was http://***@localhost:6379");
  }

  private static boolean isRedis(ProcessHandle process) {
    return process.info().command().orElse("").contains("redis-server");
  }
}
