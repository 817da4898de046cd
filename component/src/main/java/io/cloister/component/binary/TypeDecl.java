package io.cloister.component.binary;

import java.util.List;
import java.util.Optional;

/** A component {@code deftype} as written, with references by index still unresolved. */
public sealed interface TypeDecl {

  /** A primitive value type defined as a type of its own. */
  record Primitive(io.cloister.component.types.PrimitiveType type) implements TypeDecl {}

  /** {@code (record (field l t)+)}. */
  record Record(List<Labeled> fields) implements TypeDecl {
    public Record {
      fields = List.copyOf(fields);
    }
  }

  /** {@code (variant (case l t?)+)}. */
  record Variant(List<CaseDecl> cases) implements TypeDecl {
    public Variant {
      cases = List.copyOf(cases);
    }
  }

  /** {@code (list t)}. */
  record ListOf(TypeRef element) implements TypeDecl {}

  /** {@code (list t len)}: a fixed-length list. */
  record FixedList(TypeRef element, int length) implements TypeDecl {}

  /** {@code (tuple t+)}. */
  record Tuple(List<TypeRef> elements) implements TypeDecl {
    public Tuple {
      elements = List.copyOf(elements);
    }
  }

  /** {@code (flags l+)}. */
  record Flags(List<String> labels) implements TypeDecl {
    public Flags {
      labels = List.copyOf(labels);
    }
  }

  /** {@code (enum l+)}. */
  record Enum(List<String> labels) implements TypeDecl {
    public Enum {
      labels = List.copyOf(labels);
    }
  }

  /** {@code (option t)}. */
  record Option(TypeRef element) implements TypeDecl {}

  /** {@code (result t? (error u)?)}. */
  record Result(Optional<TypeRef> ok, Optional<TypeRef> error) implements TypeDecl {}

  /** {@code (own i)}. */
  record Own(int resourceTypeIndex) implements TypeDecl {}

  /** {@code (borrow i)}. */
  record Borrow(int resourceTypeIndex) implements TypeDecl {}

  /** {@code stream}, {@code future}, {@code error-context} and maps: decoded, not supported. */
  record Unsupported(String what) implements TypeDecl {}

  /** {@code (func ...)}. */
  record Func(List<Labeled> params, Optional<TypeRef> result, boolean async) implements TypeDecl {
    public Func {
      params = List.copyOf(params);
    }
  }

  /** {@code (component ...)}. */
  record Component(List<Decl> decls) implements TypeDecl {
    public Component {
      decls = List.copyOf(decls);
    }
  }

  /** {@code (instance ...)}. */
  record Instance(List<Decl> decls) implements TypeDecl {
    public Instance {
      decls = List.copyOf(decls);
    }
  }

  /** {@code (resource (rep i32) (dtor f)?)}; {@code dtor} is a core function index. */
  record Resource(Optional<Integer> dtor) implements TypeDecl {}

  /** A label and a type: a record field or a function parameter. */
  record Labeled(String label, TypeRef type) {}

  /** A variant case. */
  record CaseDecl(String label, Optional<TypeRef> type) {}

  /** A declaration inside a component or instance type. */
  sealed interface Decl {}

  /** A core type defined inside the type. */
  record CoreTypeEntry(CoreTypeDecl type) implements Decl {}

  /** A type defined inside the type. */
  record TypeEntry(TypeDecl type) implements Decl {}

  /** An alias inside the type (outer type aliases, or exports of an instance in scope). */
  record AliasEntry(Alias alias) implements Decl {}

  /** {@code (import name desc)} (component types only). */
  record ImportEntry(String name, ExternDesc desc) implements Decl {}

  /** {@code (export name desc)}. */
  record ExportEntry(String name, ExternDesc desc) implements Decl {}
}
