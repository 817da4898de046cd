package io.cloister.wasi.link;

import io.cloister.component.link.HostFunction;
import io.cloister.component.link.Linker;
import io.cloister.component.types.ResourceType;
import java.util.function.IntConsumer;

/**
 * {@link HostDefinitions} on the component runtime's {@link Linker}. Functions are defined without
 * a declared type: the Linker lifts and lowers by the type the component imports, and the bindings
 * read values by shape. Any compatible 0.2.x import matches, by the Linker's version rules.
 */
public final class LinkerDefinitions implements HostDefinitions {
  private final Linker<?> linker;

  /** Definitions on {@code linker}. */
  public LinkerDefinitions(Linker<?> linker) {
    this.linker = linker;
  }

  @Override
  public ResourceType resource(String iface, String name, IntConsumer drop) {
    return linker.defineResource(iface, name, drop::accept);
  }

  @Override
  public ResourceType resourceType(String iface, String name) {
    return linker.resourceType(iface, name);
  }

  @Override
  public void function(String iface, String name, HostFunction fn) {
    linker.defineFunction(iface, name, null, fn);
  }
}
