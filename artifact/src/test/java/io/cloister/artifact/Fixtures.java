package io.cloister.artifact;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The shared component fixtures and the project's wasi:http fixtures, as the tests read them. */
public final class Fixtures {
  /** ../shared/fixtures/components (the build passes its place as cloister.shared.dir). */
  public static final Path COMPONENTS =
      Path.of(System.getProperty("cloister.shared.dir", "../../shared"), "fixtures", "components");

  /** The WAT wasi:http handlers, fixtures/http/build. */
  public static final Path HTTP = Path.of("..", "fixtures", "http", "build");

  private Fixtures() {}

  /** A shared component fixture's bytes, e.g. {@code adder.component.wasm}. */
  public static byte[] component(String name) {
    return bytes(COMPONENTS.resolve(name));
  }

  /** An http fixture's bytes, e.g. {@code hello.component.wasm}. */
  public static byte[] http(String name) {
    return bytes(HTTP.resolve(name));
  }

  private static byte[] bytes(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
