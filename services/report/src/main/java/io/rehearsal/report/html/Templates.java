package io.rehearsal.report.html;

import io.quarkus.qute.Engine;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateLocator.TemplateLocation;
import io.quarkus.qute.Variant;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The Qute engine of the HTML pages, used standalone (no Quarkus runtime): templates are resources
 * under {@code templates/} as in a Quarkus application, a {@code .html} template escapes every
 * value it prints, records are read by reflection, and an unknown property fails the rendering
 * instead of printing a placeholder.
 */
final class Templates {
  private static final String ROOT = "templates/";
  private static final Engine ENGINE =
      Engine.builder()
          .addDefaults()
          .addValueResolver(new ReflectionValueResolver())
          .addResultMapper(new XhtmlEscaper())
          .addLocator(Templates::locate)
          .strictRendering(true)
          .build();

  private Templates() {}

  /**
   * The template {@code templates/<id>}.
   *
   * @throws IllegalStateException if there is none (a packaging error)
   */
  static Template get(String id) {
    Template template = ENGINE.getTemplate(id);
    if (template == null) {
      throw new IllegalStateException("no template " + ROOT + id + " on the class path");
    }
    return template;
  }

  private static Optional<TemplateLocation> locate(String id) {
    if (Templates.class.getClassLoader().getResource(ROOT + id) == null) {
      return Optional.empty();
    }
    return Optional.of(new Resource(id));
  }

  /** A template read from the class path; its content type follows the name's suffix. */
  private record Resource(String id) implements TemplateLocation {
    @Override
    public Reader read() {
      InputStream in = Templates.class.getClassLoader().getResourceAsStream(ROOT + id);
      return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    @Override
    public Optional<Variant> getVariant() {
      String type = id.endsWith(".html") ? Variant.TEXT_HTML : Variant.TEXT_PLAIN;
      return Optional.of(Variant.forContentType(type));
    }
  }
}
