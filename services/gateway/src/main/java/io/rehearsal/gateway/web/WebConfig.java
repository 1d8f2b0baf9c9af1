package io.rehearsal.gateway.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;

/**
 * The review page: {@code rehearsal.gateway.web.*}. Sign-in itself is {@code
 * quarkus.http.auth.form.*}.
 */
@ConfigMapping(prefix = "rehearsal.gateway.web")
public interface WebConfig {

  /**
   * The embedded sign-in's users file ({@link LocalUsers}), created on first start with the user
   * {@code admin} and a one-time password printed once to the log.
   */
  @WithDefault("${user.home}/.rehearsal/gateway/web-users")
  Path usersFile();

  /** PBKDF2 iterations for passwords hashed by the gateway (first start). */
  @WithDefault("600000")
  int passwordIterations();
}
