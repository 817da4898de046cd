package io.cloister.bindgen.model;

/** A named type definition (record, variant, enum, flags or resource) of an interface. */
public record TypeId(InterfaceId iface, String name) implements Comparable<TypeId> {
  @Override
  public int compareTo(TypeId o) {
    int c = iface.qualified().compareTo(o.iface.qualified());
    return c != 0 ? c : name.compareTo(o.name);
  }

  @Override
  public String toString() {
    return iface.qualified() + "." + name;
  }
}
