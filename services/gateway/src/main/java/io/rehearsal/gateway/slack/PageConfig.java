package io.rehearsal.gateway.slack;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the review page is served: {@code rehearsal.gateway.page-url}, for links in Slack. */
@ConfigMapping(prefix = "rehearsal.gateway")
public interface PageConfig {

  /** The page's public base URL; a decision is at {@code <page-url>/decisions/<id>}. */
  @WithDefault("http://localhost:9090")
  String pageUrl();
}
