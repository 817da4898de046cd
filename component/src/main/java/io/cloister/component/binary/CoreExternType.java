package io.cloister.component.binary;

import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import io.cloister.component.binary.CoreTypeDecl.Limits;

/** The resolved type of a core item: a function, table, memory, global or tag. */
public sealed interface CoreExternType {

  /** The index space an item of this type lives in. */
  Sort sort();

  /** A core function. */
  record Func(FunctionType type) implements CoreExternType {
    @Override
    public Sort sort() {
      return Sort.CORE_FUNC;
    }
  }

  /** A core table. */
  record Table(ValType elementType, Limits limits) implements CoreExternType {
    @Override
    public Sort sort() {
      return Sort.CORE_TABLE;
    }
  }

  /** A core memory. */
  record Memory(Limits limits) implements CoreExternType {
    @Override
    public Sort sort() {
      return Sort.CORE_MEMORY;
    }
  }

  /** A core global. */
  record Global(ValType type, boolean mutable) implements CoreExternType {
    @Override
    public Sort sort() {
      return Sort.CORE_GLOBAL;
    }
  }

  /** A core exception tag. */
  record Tag(FunctionType type) implements CoreExternType {
    @Override
    public Sort sort() {
      return Sort.CORE_TAG;
    }
  }

  /** The kind as the text format spells it. */
  default String kind() {
    return switch (this) {
      case Func f -> "func";
      case Table t -> "table";
      case Memory m -> "memory";
      case Global g -> "global";
      case Tag t -> "tag";
    };
  }
}
