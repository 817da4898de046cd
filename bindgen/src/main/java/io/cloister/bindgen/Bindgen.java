package io.cloister.bindgen;

import io.cloister.bindgen.java.GenerationException;
import io.cloister.bindgen.java.JavaFile;
import io.cloister.bindgen.java.JavaGenerator;
import io.cloister.bindgen.model.Model;
import io.cloister.bindgen.resolve.Resolver;
import io.cloister.bindgen.resolve.WitResolveException;
import io.cloister.bindgen.wit.WitParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Generates Java bindings from WIT roots into a directory: parse, resolve, generate, write. */
public final class Bindgen {
  private Bindgen() {}

  /** Parses and resolves {@code witRoots} and generates their bindings, without writing them. */
  public static List<JavaFile> generate(
      List<Path> witRoots, String basePackage, Set<String> features)
      throws IOException, WitParseException, WitResolveException, GenerationException {
    Model model = Resolver.resolve(witRoots, features);
    return JavaGenerator.generate(model, basePackage);
  }

  /**
   * Generates the bindings of {@code witRoots} into {@code outputDirectory}, which is emptied first
   * so that no stale file of an earlier run survives.
   *
   * @return the files written
   */
  public static List<Path> generateInto(
      List<Path> witRoots, String basePackage, Set<String> features, Path outputDirectory)
      throws IOException, WitParseException, WitResolveException, GenerationException {
    // Generate before deleting: a WIT error leaves the previous output in place.
    List<JavaFile> files = generate(witRoots, basePackage, features);
    deleteRecursively(outputDirectory);
    Files.createDirectories(outputDirectory);
    List<Path> written = new java.util.ArrayList<>();
    for (JavaFile f : files) {
      Path p = outputDirectory.resolve(f.path());
      Files.createDirectories(p.getParent());
      Files.writeString(p, f.content(), StandardCharsets.UTF_8);
      written.add(p);
    }
    return written;
  }

  /**
   * Command line: {@code basePackage outputDirectory witRoot...}; prints the number of files
   * written. For trying the generator without Maven.
   */
  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: Bindgen basePackage outputDirectory witRoot...");
      System.exit(2);
    }
    List<Path> roots = new java.util.ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      roots.add(Path.of(args[i]));
    }
    List<Path> written = generateInto(roots, args[0], Set.of(), Path.of(args[1]));
    System.out.println(written.size() + " files written to " + args[1]);
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
