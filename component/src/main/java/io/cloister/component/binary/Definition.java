package io.cloister.component.binary;

import java.util.List;
import java.util.Optional;

/** One definition of a component, in binary order (sections flattened). */
public sealed interface Definition {

  /**
   * A core module, kept as the byte range {@code [start, end)} of {@code source}: Chicory parses it
   * when the component is compiled.
   */
  record CoreModule(byte[] source, int start, int end) implements Definition {
    /** A copy of the module's bytes. */
    public byte[] bytes() {
      return java.util.Arrays.copyOfRange(source, start, end);
    }

    @Override
    public String toString() {
      return "CoreModule[" + start + ".." + end + "]";
    }
  }

  /** {@code (core instance (instantiate m (with "name" (instance i))*))}. */
  record CoreInstantiate(int moduleIndex, List<CoreArg> args) implements Definition {
    public CoreInstantiate {
      args = List.copyOf(args);
    }
  }

  /** An argument of a core instantiation: a core instance by name. */
  record CoreArg(String name, int coreInstanceIndex) {}

  /** {@code (core instance (export "name" (sort idx))*)}. */
  record CoreInlineInstance(List<InlineExport> exports) implements Definition {
    public CoreInlineInstance {
      exports = List.copyOf(exports);
    }
  }

  /** {@code (core type ...)}. */
  record CoreType(CoreTypeDecl type) implements Definition {}

  /** A nested component definition. */
  record NestedComponent(ComponentAst component) implements Definition {}

  /** {@code (instance (instantiate c (with "name" (sort idx))*))}. */
  record Instantiate(int componentIndex, List<InlineExport> args) implements Definition {
    public Instantiate {
      args = List.copyOf(args);
    }
  }

  /** {@code (instance (export "name" (sort idx))*)}. */
  record InlineInstance(List<InlineExport> exports) implements Definition {
    public InlineInstance {
      exports = List.copyOf(exports);
    }
  }

  /** A named item: an instantiation argument or an inline export. */
  record InlineExport(String name, Sort sort, int index) {}

  /** An alias definition. */
  record AliasDef(Alias alias) implements Definition {}

  /** A type definition. */
  record Type(TypeDecl type) implements Definition {}

  /** A canonical definition. */
  record CanonDef(Canon canon) implements Definition {}

  /** {@code (start f (value arg)* (result (value))*)}. */
  record Start(int funcIndex, List<Integer> args, int results) implements Definition {
    public Start {
      args = List.copyOf(args);
    }
  }

  /** {@code (import "name" desc)}. */
  record Import(String name, ExternDesc desc) implements Definition {}

  /** {@code (export "name" (sort idx) desc?)}. */
  record Export(String name, Sort sort, int index, Optional<ExternDesc> ascribed)
      implements Definition {}

  /** A {@code (value ...)} definition: its type and encoded bytes. */
  record ValueDef(TypeRef type, byte[] encoded) implements Definition {}

  /** The sort a definition adds an index to, if it adds one. */
  default Optional<Sort> definedSort() {
    return Optional.ofNullable(
        switch (this) {
          case CoreModule m -> Sort.CORE_MODULE;
          case CoreInstantiate i -> Sort.CORE_INSTANCE;
          case CoreInlineInstance i -> Sort.CORE_INSTANCE;
          case CoreType t -> Sort.CORE_TYPE;
          case NestedComponent c -> Sort.COMPONENT;
          case Instantiate i -> Sort.INSTANCE;
          case InlineInstance i -> Sort.INSTANCE;
          case AliasDef a -> a.alias().sort();
          case Type t -> Sort.TYPE;
          case CanonDef c -> c.canon().definesComponentFunc() ? Sort.FUNC : Sort.CORE_FUNC;
          case Start s -> null;
          case Import i -> sortOf(i.desc());
          case Export e -> e.sort();
          case ValueDef v -> Sort.VALUE;
        });
  }

  /** The sort of an item described by {@code desc}. */
  static Sort sortOf(ExternDesc desc) {
    return switch (desc) {
      case ExternDesc.CoreModule m -> Sort.CORE_MODULE;
      case ExternDesc.Func f -> Sort.FUNC;
      case ExternDesc.Value v -> Sort.VALUE;
      case ExternDesc.TypeEq t -> Sort.TYPE;
      case ExternDesc.TypeSubResource t -> Sort.TYPE;
      case ExternDesc.Component c -> Sort.COMPONENT;
      case ExternDesc.Instance i -> Sort.INSTANCE;
    };
  }
}
