package io.rehearsal.gateway.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.List;

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

  /**
   * How an OIDC identity becomes a reviewer, when the page signs in with OIDC ({@link OidcSignIn}).
   */
  Oidc oidc();

  /** {@code rehearsal.gateway.web.oidc.*}: which ID token claims name the reviewer and groups. */
  interface Oidc {

    /** Claims tried in order for the reviewer's name; the first one present and not blank wins. */
    @WithDefault("preferred_username,email")
    List<String> nameClaims();

    /**
     * The claim listing the user's groups (an array, or one string separated by commas or spaces; a
     * leading {@code /} of a group path is dropped): the session's roles ({@code oncall} reviews)
     * and the reviewer's approver groups ({@code sre}).
     */
    @WithDefault("groups")
    String groupsClaim();
  }
}
