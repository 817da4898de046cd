package io.cloister.bindgen.resolve;

import io.cloister.bindgen.wit.PackageName;
import io.cloister.bindgen.wit.Parser;
import io.cloister.bindgen.wit.Pos;
import io.cloister.bindgen.wit.TopItem;
import io.cloister.bindgen.wit.WitFile;
import io.cloister.bindgen.wit.WitParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads the packages of WIT roots. The {@code .wit} files directly in a root form one package;
 * every subdirectory (at any depth, such as {@code deps/wasi-io}) that holds {@code .wit} files
 * forms another. A file may also hold nested {@code package x { ... }} blocks, each a package.
 */
final class WitLoader {
  private WitLoader() {}

  /** The packages of {@code roots}, in the order found (directories sorted by path). */
  static List<PackageSource> load(List<Path> roots)
      throws IOException, WitParseException, WitResolveException {
    List<PackageSource> out = new ArrayList<>();
    for (Path root : roots) {
      List<Path> dirs;
      try (Stream<Path> s = Files.walk(root)) {
        dirs = s.filter(Files::isDirectory).sorted().toList();
      }
      for (Path dir : dirs) {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
          files =
              s.filter(f -> f.getFileName().toString().endsWith(".wit") && Files.isRegularFile(f))
                  .sorted()
                  .toList();
        }
        if (!files.isEmpty()) {
          loadDirectory(root, files, out);
        }
      }
    }
    return out;
  }

  /** Parses text as a single-file package (for tests and tools). */
  static List<PackageSource> loadText(String file, String text)
      throws WitParseException, WitResolveException {
    List<PackageSource> out = new ArrayList<>();
    addPackages(List.of(Parser.parse(file, text)), out);
    return out;
  }

  private static void loadDirectory(Path root, List<Path> files, List<PackageSource> out)
      throws IOException, WitParseException, WitResolveException {
    List<WitFile> parsed = new ArrayList<>();
    for (Path f : files) {
      String rel = root.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/");
      parsed.add(Parser.parse(rel, Files.readString(f, StandardCharsets.UTF_8)));
    }
    addPackages(parsed, out);
  }

  private static void addPackages(List<WitFile> files, List<PackageSource> out)
      throws WitResolveException {
    PackageName name = null;
    Pos namePos = null;
    for (WitFile f : files) {
      if (f.pkg().isPresent()) {
        if (name != null && !name.equals(f.pkg().get())) {
          throw new WitResolveException(
              f.pkgPos().orElse(null),
              "package "
                  + f.pkg().get()
                  + " differs from package "
                  + name
                  + " declared at "
                  + namePos
                  + " (all files of a directory form one package)");
        }
        name = f.pkg().get();
        namePos = f.pkgPos().orElse(null);
      }
    }
    List<PackageSource.Decl> decls = new ArrayList<>();
    for (WitFile f : files) {
      Map<String, TopItem.Use> uses = fileUses(f.items());
      for (TopItem item : f.items()) {
        switch (item) {
          case TopItem.Interface i -> decls.add(new PackageSource.Decl(i, f.path(), uses));
          case TopItem.NestedPackage n -> out.add(nested(n, f.path(), uses));
          case TopItem.World w -> {}
          case TopItem.Use u -> {}
        }
      }
    }
    if (name == null) {
      if (decls.isEmpty()) {
        return; // only nested packages (or worlds)
      }
      throw new WitResolveException(
          decls.get(0).iface().meta().pos(),
          "no 'package namespace:name;' declaration in "
              + files.get(0).path()
              + (files.size() > 1 ? " or the other files of its directory" : ""));
    }
    out.add(new PackageSource(name, decls));
  }

  private static PackageSource nested(
      TopItem.NestedPackage n, String file, Map<String, TopItem.Use> outerUses) {
    Map<String, TopItem.Use> uses = new LinkedHashMap<>(outerUses);
    uses.putAll(fileUses(n.items()));
    List<PackageSource.Decl> decls = new ArrayList<>();
    for (TopItem item : n.items()) {
      if (item instanceof TopItem.Interface i) {
        decls.add(new PackageSource.Decl(i, file, uses));
      }
    }
    return new PackageSource(n.name(), decls);
  }

  private static Map<String, TopItem.Use> fileUses(List<TopItem> items) {
    Map<String, TopItem.Use> uses = new LinkedHashMap<>();
    for (TopItem item : items) {
      if (item instanceof TopItem.Use u) {
        uses.put(u.localName(), u);
      }
    }
    return uses;
  }
}
