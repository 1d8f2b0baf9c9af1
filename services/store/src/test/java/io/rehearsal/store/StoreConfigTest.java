package io.rehearsal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class StoreConfigTest {

  @Test
  void shouldUseEmbeddedRedisInHomeDirectoryWhenDefaults() {
    StoreConfig config = StoreConfig.defaults();

    assertThat(config.redisUrl()).isEmpty();
    assertThat(config.dataDir())
        .isEqualTo(Path.of(System.getProperty("user.home"), ".rehearsal", "redis"));
    assertThat(config.keyPrefix()).isEqualTo("rehearsal:");
    assertThat(config.commandTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.recentLimit()).isEqualTo(10_000);
  }

  @Test
  void shouldReplaceOneFieldWhenUsingWithers() {
    StoreConfig config =
        StoreConfig.defaults()
            .withRedisUrl("redis://db:6380")
            .withDataDir(Path.of("/tmp/x"))
            .withKeyPrefix("t1:")
            .withRecentLimit(3)
            .withCommandTimeout(Duration.ofMillis(250))
            .withConnectTimeout(Duration.ofSeconds(1));

    assertThat(config.redisUrl()).contains("redis://db:6380");
    assertThat(config.dataDir()).isEqualTo(Path.of("/tmp/x"));
    assertThat(config.keyPrefix()).isEqualTo("t1:");
    assertThat(config.recentLimit()).isEqualTo(3);
    assertThat(config.commandTimeout()).isEqualTo(Duration.ofMillis(250));
    assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(1));
    assertThat(config.withRedisUrl(Optional.empty()).redisUrl()).isEmpty();
  }

  @Test
  void shouldPreferPropertyOverEnvironmentWhenBothNameAUrl() {
    Properties properties = new Properties();
    properties.setProperty(StoreConfig.URL_PROPERTY, "redis://from-property:1");
    Map<String, String> env = Map.of(StoreConfig.URL_ENV, "redis://from-env:2");

    assertThat(StoreConfig.fromEnvironment(env, properties).redisUrl())
        .contains("redis://from-property:1");
    assertThat(StoreConfig.fromEnvironment(env, new Properties()).redisUrl())
        .contains("redis://from-env:2");
    assertThat(StoreConfig.fromEnvironment(Map.of(), new Properties()).redisUrl()).isEmpty();
  }

  @Test
  void shouldNameFieldAndValueWhenInvalid() {
    StoreConfig config = StoreConfig.defaults();

    assertThatThrownBy(() -> config.withRedisUrl("http://x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("redisUrl")
        .hasMessageContaining("http://x");
    assertThatThrownBy(() -> config.withCommandTimeout(Duration.ZERO))
        .hasMessageContaining("commandTimeout must be positive, but was PT0S");
    assertThatThrownBy(() -> config.withRecentLimit(0))
        .hasMessageContaining("recentLimit must be at least 1, but was 0");
    assertThatThrownBy(() -> config.withKeyPrefix("a{b}"))
        .hasMessageContaining("keyPrefix")
        .hasMessageContaining("a{b}");
  }
}
