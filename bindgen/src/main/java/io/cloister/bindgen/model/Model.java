package io.cloister.bindgen.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Every resolved package of a WIT root, with lookup of type definitions by id. */
public final class Model {
  private final List<WitPackage> packages;
  private final Map<TypeId, TypeDef> defs = new HashMap<>();
  private final Map<InterfaceId, Interface> interfaces = new HashMap<>();

  /** A model of {@code packages}, in the order given. */
  public Model(List<WitPackage> packages) {
    this.packages = List.copyOf(packages);
    for (WitPackage p : packages) {
      for (Interface i : p.interfaces()) {
        interfaces.put(i.id(), i);
        for (TypeDef d : i.types()) {
          defs.put(new TypeId(i.id(), d.name()), d);
        }
      }
    }
  }

  /** The packages, in a deterministic order. */
  public List<WitPackage> packages() {
    return packages;
  }

  /** The definition of {@code id}. */
  public TypeDef def(TypeId id) {
    TypeDef d = defs.get(id);
    if (d == null) {
      throw new IllegalArgumentException("no type " + id);
    }
    return d;
  }

  /** The interface {@code id}. */
  public Interface iface(InterfaceId id) {
    Interface i = interfaces.get(id);
    if (i == null) {
      throw new IllegalArgumentException("no interface " + id);
    }
    return i;
  }
}
