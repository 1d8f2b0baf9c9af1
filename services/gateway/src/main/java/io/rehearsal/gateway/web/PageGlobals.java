package io.rehearsal.gateway.web;

import io.quarkus.qute.TemplateGlobal;
import org.eclipse.microprofile.config.ConfigProvider;

/** What every review page's layout knows besides its own data. */
@TemplateGlobal
final class PageGlobals {

  private PageGlobals() {}

  /**
   * Whether people sign in with the local users file (and may change their password here); with
   * OIDC ({@link OidcSignIn}) the provider owns passwords, so the page offers no password change.
   */
  static boolean localUsers() {
    return !ConfigProvider.getConfig()
        .getOptionalValue("quarkus.oidc.tenant-enabled", Boolean.class)
        .orElse(false);
  }
}
