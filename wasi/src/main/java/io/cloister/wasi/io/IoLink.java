package io.cloister.wasi.io;

import io.cloister.component.types.ResourceType;
import io.cloister.wasi.bindings.wasi.io.ErrorLink;
import io.cloister.wasi.bindings.wasi.io.PollLink;
import io.cloister.wasi.bindings.wasi.io.StreamsLink;
import io.cloister.wasi.link.HostDefinitions;

/**
 * The resource types of {@code wasi:io} (defined by the generated bindings) that the
 * hand-written bindings of other interfaces hand out.
 */
public final class IoLink {
  private IoLink() {}

  /** The resource types wasi:io defines, which other interfaces use. */
  public record Types(
      ResourceType error,
      ResourceType pollable,
      ResourceType inputStream,
      ResourceType outputStream) {}

  /** The types as defined on {@code defs}' linker. */
  public static Types of(HostDefinitions defs) {
    return new Types(
        defs.resourceType(ErrorLink.INTERFACE, "error"),
        defs.resourceType(PollLink.INTERFACE, "pollable"),
        defs.resourceType(StreamsLink.INTERFACE, "input-stream"),
        defs.resourceType(StreamsLink.INTERFACE, "output-stream"));
  }
}
