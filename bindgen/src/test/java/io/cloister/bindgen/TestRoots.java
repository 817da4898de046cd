package io.cloister.bindgen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Where the tests find the repository's real WIT files and their own. */
public final class TestRoots {
  private TestRoots() {}

  /** The repository root (set by surefire; the module's parent when run elsewhere). */
  public static Path repo() {
    return Path.of(System.getProperty("cloister.repo.dir", "..")).toAbsolutePath().normalize();
  }

  /** The WASI 0.2.12 WIT packages jco ships. */
  public static Path wasi() {
    return repo().resolve("node_modules/@bytecodealliance/jco/lib/wit/builtin/0.2.12");
  }

  /** The WASI packages plus the fixtures' keyvalue and logging drafts, as WIT roots. */
  public static List<Path> realRoots() {
    List<Path> roots = new ArrayList<>();
    roots.add(wasi());
    try (Stream<Path> s = Files.list(repo().resolve("fixtures/http/wit-deps"))) {
      s.filter(Files::isDirectory).sorted().forEach(roots::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return roots;
  }

  /** The test's own WIT root covering every type kind. */
  public static Path kitchen() {
    return Path.of("src/test/resources/wit/kitchen").toAbsolutePath();
  }
}
