package io.cloister.wasi.link;

import io.cloister.component.link.HostFunction;
import io.cloister.component.types.ResourceType;
import java.util.function.IntConsumer;

/**
 * Where WASI interfaces put their host definitions: functions and resource types, by interface name
 * (with version, e.g. {@code wasi:io/streams@0.2.0}) and function name as the component model
 * spells it ({@code [method]input-stream.read}, {@code [static]fields.from-list}, {@code
 * [constructor]fields}). An adapter puts them on the component runtime's linker.
 */
public interface HostDefinitions {

  /**
   * Defines resource {@code name} of {@code iface}; {@code drop} runs with the rep when the guest
   * drops the last owning handle.
   */
  ResourceType resource(String iface, String name, IntConsumer drop);

  /**
   * The type of resource {@code name} of {@code iface}, defined here or by generated bindings on
   * the same linker (created on first use).
   */
  ResourceType resourceType(String iface, String name);

  /** Defines function {@code name} of {@code iface}. */
  void function(String iface, String name, HostFunction fn);
}
