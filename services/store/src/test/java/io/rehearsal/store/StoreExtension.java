package io.rehearsal.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands a test (its {@code @BeforeEach} and test methods) a {@link StoreFixture} of its own: a
 * store over a fresh embedded redis-server in a fresh temp directory, closed and deleted when the
 * test ends. One fixture per test, however many parameters ask for it.
 */
final class StoreExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(StoreExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == StoreFixture.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context
        .getStore(NAMESPACE)
        .computeIfAbsent(OpenStore.class, key -> OpenStore.open(), OpenStore.class)
        .fixture;
  }

  /** The fixture and its directory, closed and deleted by JUnit when the test's store closes. */
  private record OpenStore(Path dir, StoreFixture fixture) implements AutoCloseable {

    static OpenStore open() {
      try {
        Path dir = Files.createTempDirectory("rehearsal-store-test");
        return new OpenStore(dir, StoreFixture.open(dir));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create a temp directory for the store", e);
      }
    }

    @Override
    public void close() throws IOException {
      fixture.close();
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }
}
