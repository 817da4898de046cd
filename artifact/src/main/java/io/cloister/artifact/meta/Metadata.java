package io.cloister.artifact.meta;

import java.util.List;
import java.util.Objects;

/**
 * What a deployer and an inspector read of a component without running it: its WIT document and
 * its imported and exported functions, in the component's declaration order. Always derived from
 * the component's bytes ({@link MetadataExtractor}); a container's copy is checked against them.
 */
public record Metadata(String wit, List<FunctionItem> imports, List<FunctionItem> exports) {
  public Metadata {
    Objects.requireNonNull(wit, "wit");
    imports = List.copyOf(imports);
    exports = List.copyOf(exports);
  }
}
