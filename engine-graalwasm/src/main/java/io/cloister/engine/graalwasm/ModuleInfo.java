package io.cloister.engine.graalwasm;

import java.util.List;
import java.util.Optional;

/**
 * What a core module declares: its imports and exports (a function's with its type) and the
 * memories it defines, as read from its binary before GraalWasm parses it.
 */
public record ModuleInfo(List<Import> imports, List<Export> exports, List<MemoryLimits> memories) {

  public ModuleInfo {
    imports = List.copyOf(imports);
    exports = List.copyOf(exports);
    memories = List.copyOf(memories);
  }

  /** One import: module and field name, kind, and the function type for a function import. */
  public record Import(String module, String name, ExternKind kind, Optional<FuncType> type) {}

  /** One export: its name, kind, and the function type for a function export. */
  public record Export(String name, ExternKind kind, Optional<FuncType> type) {}

  /** The export named {@code name}, if the module has one. */
  public Optional<Export> export(String name) {
    return exports.stream().filter(e -> e.name().equals(name)).findFirst();
  }
}
