package io.cloister.bindgen.model;

import java.util.List;
import java.util.Optional;

/** A resolved named type definition of an interface (aliases are not definitions: they expand). */
public sealed interface TypeDef {

  /** The type's WIT name. */
  String name();

  /** Its doc comment, or the empty string. */
  String doc();

  /** A record. */
  record Record(String name, List<Field> fields, String doc) implements TypeDef {
    public Record {
      fields = List.copyOf(fields);
    }
  }

  /** A variant. */
  record Variant(String name, List<Case> cases, String doc) implements TypeDef {
    public Variant {
      cases = List.copyOf(cases);
    }
  }

  /** An enum. */
  record Enum(String name, List<Label> labels, String doc) implements TypeDef {
    public Enum {
      labels = List.copyOf(labels);
    }
  }

  /** A flags type. */
  record Flags(String name, List<Label> labels, String doc) implements TypeDef {
    public Flags {
      labels = List.copyOf(labels);
    }
  }

  /** A resource; its functions are among the interface's {@link Function}s. */
  record Resource(String name, String doc) implements TypeDef {}

  /** A record field. */
  record Field(String name, Type type, String doc) {}

  /** A variant case and its payload, if any. */
  record Case(String name, Optional<Type> type, String doc) {}

  /** An enum or flags label. */
  record Label(String name, String doc) {}
}
