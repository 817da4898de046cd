package io.cloister.bindgen.wit;

import java.util.List;
import java.util.Optional;

/** A named type definition in an interface. */
public sealed interface TypeDecl extends InterfaceItem {

  /** The type's name. */
  String name();

  /** {@code type name = T;}. */
  record Alias(String name, TypeExpr target, Meta meta) implements TypeDecl {}

  /** {@code record name { field: T, ... }}. */
  record Record(String name, List<Field> fields, Meta meta) implements TypeDecl {
    public Record {
      fields = List.copyOf(fields);
    }
  }

  /** {@code variant name { case, case(T), ... }}. */
  record Variant(String name, List<Case> cases, Meta meta) implements TypeDecl {
    public Variant {
      cases = List.copyOf(cases);
    }
  }

  /** {@code enum name { a, b, ... }}. */
  record Enum(String name, List<Label> labels, Meta meta) implements TypeDecl {
    public Enum {
      labels = List.copyOf(labels);
    }
  }

  /** {@code flags name { a, b, ... }}. */
  record Flags(String name, List<Label> labels, Meta meta) implements TypeDecl {
    public Flags {
      labels = List.copyOf(labels);
    }
  }

  /** {@code resource name { ... }} or {@code resource name;}. */
  record Resource(String name, List<ResourceFunc> functions, Meta meta) implements TypeDecl {
    public Resource {
      functions = List.copyOf(functions);
    }
  }

  /** A record field. */
  record Field(String name, TypeExpr type, Meta meta) {}

  /** A variant case, with an optional payload. */
  record Case(String name, Optional<TypeExpr> type, Meta meta) {}

  /** An enum or flags label. */
  record Label(String name, Meta meta) {}

  /** A function of a resource: its constructor (name {@code ""}), a method or a static function. */
  record ResourceFunc(Kind kind, String name, FuncSig sig, Meta meta) {

    /** Which kind of resource function. */
    public enum Kind {
      CONSTRUCTOR,
      METHOD,
      STATIC
    }
  }
}
