package io.cloister.component.binary;

/** An {@code alias}: a sort and where the aliased item comes from. */
public record Alias(Sort sort, Target target) {

  /** Where an alias points. */
  public sealed interface Target {}

  /** {@code (alias export i "name")}: an export of a component instance. */
  public record InstanceExport(int instanceIndex, String name) implements Target {}

  /** {@code (alias core export i "name")}: an export of a core instance. */
  public record CoreInstanceExport(int coreInstanceIndex, String name) implements Target {}

  /** {@code (alias outer ct idx)}: an item of an enclosing scope. */
  public record Outer(int count, int index) implements Target {}
}
