package io.rehearsal.charts;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The chart under test, driven through Helm's own Go library (helm-java), so lint, rendering and
 * the values schema behave exactly as {@code helm lint --strict} and {@code helm install} would.
 */
final class HelmChart {

  /** The release every test renders: its name makes the objects {@code rehearsal-<component>}. */
  static final String RELEASE = "rehearsal";

  static final String NAMESPACE = "rehearsal";

  private final Path dir;

  private HelmChart(Path dir) {
    this.dir = dir;
  }

  /** The repository root, passed by Maven as {@code rehearsal.root} (else the parent of cwd). */
  static Path repositoryRoot() {
    String root = System.getProperty("rehearsal.root");
    Path path = root == null ? Path.of("..") : Path.of(root);
    return path.toAbsolutePath().normalize();
  }

  /** {@code charts/rehearsal} of this repository. */
  static HelmChart rehearsal() {
    return new HelmChart(repositoryRoot().resolve("charts/rehearsal"));
  }

  Path dir() {
    return dir;
  }

  /** The {@code ci/*-values.yaml} files: the combinations the chart must render. */
  List<Path> ciValues() {
    try (Stream<Path> files = Files.list(dir.resolve("ci"))) {
      return files
          .filter(f -> f.getFileName().toString().endsWith("-values.yaml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code helm lint --strict} on the chart's own values.yaml. */
  LintResult lintStrict() {
    return new Helm(dir).lint().strict().call();
  }

  /**
   * {@code helm template} with a values file (or none) and {@code --set} overrides, as an
   * installation would render it (values.schema.json enforced, hooks left out).
   *
   * @throws IllegalStateException with Helm's message when rendering or the schema fails
   */
  Rendered render(Path valuesFile, Map<String, Object> sets) {
    TemplateCommand command = new Helm(dir).template().withName(RELEASE).withNamespace(NAMESPACE);
    if (valuesFile != null) {
      command = command.withValuesFile(valuesFile);
    }
    for (Map.Entry<String, Object> set : sets.entrySet()) {
      command = command.set(set.getKey(), set.getValue());
    }
    return Rendered.parse(command.call());
  }

  /** {@link #render(Path, Map)} of {@code ci/<name>-values.yaml}. */
  Rendered renderCi(String name, Map<String, Object> sets) {
    return render(dir.resolve("ci").resolve(name + "-values.yaml"), sets);
  }

  Rendered renderCi(String name) {
    return renderCi(name, Map.of());
  }
}
