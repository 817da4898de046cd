package io.cloister.component.engine;

/** The exports of a core instance: an instantiated module, or items grouped by a component. */
@FunctionalInterface
public interface CoreInstance {

  /** The export named {@code name}, or null. */
  CoreExtern export(String name);
}
