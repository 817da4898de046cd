package io.cloister.component.binary;

import com.dylibso.chicory.wasm.types.FunctionType;
import java.util.List;

/** A {@code core:type} definition: a core function type or a core module type. */
public sealed interface CoreTypeDecl {

  /** A core function type. */
  record Func(FunctionType type) implements CoreTypeDecl {}

  /** {@code (module ...)}: declarations in order. */
  record Module(List<ModuleDecl> decls) implements CoreTypeDecl {
    public Module {
      decls = List.copyOf(decls);
    }
  }

  /** One declaration inside a core module type. */
  sealed interface ModuleDecl {}

  /** {@code (import "module" "name" desc)}. */
  record ImportDecl(String module, String name, CoreExternDesc desc) implements ModuleDecl {}

  /** A nested core type definition. */
  record TypeDecl(CoreTypeDecl type) implements ModuleDecl {}

  /** {@code (alias outer ct idx (type))}. */
  record OuterTypeAlias(int count, int index) implements ModuleDecl {}

  /** {@code (export "name" desc)}. */
  record ExportDecl(String name, CoreExternDesc desc) implements ModuleDecl {}

  /** A {@code core:externtype}. */
  sealed interface CoreExternDesc {}

  /** A function of the core type at {@code typeIndex}. */
  record FuncDesc(int typeIndex) implements CoreExternDesc {}

  /** A table. */
  record TableDesc(com.dylibso.chicory.wasm.types.ValType elementType, Limits limits)
      implements CoreExternDesc {}

  /** A memory. */
  record MemoryDesc(Limits limits) implements CoreExternDesc {}

  /** A global. */
  record GlobalDesc(com.dylibso.chicory.wasm.types.ValType type, boolean mutable)
      implements CoreExternDesc {}

  /** An exception tag of the core function type at {@code typeIndex}. */
  record TagDesc(int typeIndex) implements CoreExternDesc {}

  /** Table or memory limits; {@code max} is -1 when absent. */
  record Limits(long min, long max, boolean shared, boolean is64) {}
}
