package io.cloister.artifact.format;

import io.cloister.artifact.meta.Metadata;
import java.util.Arrays;
import java.util.Objects;

/** The content of a {@code .cwasm}: what {@link CwasmWriter} writes and {@link CwasmReader} reads. */
public record Cwasm(String engineId, byte[] component, Metadata metadata, PrecompiledClasses classes) {
  public Cwasm {
    Objects.requireNonNull(engineId, "engineId");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(classes, "classes");
    component = component.clone();
  }

  @Override
  public byte[] component() {
    return component.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Cwasm c
        && engineId.equals(c.engineId)
        && Arrays.equals(component, c.component)
        && metadata.equals(c.metadata)
        && classes.equals(c.classes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(engineId, Arrays.hashCode(component), metadata, classes);
  }

  @Override
  public String toString() {
    return "Cwasm[" + engineId + ", component of " + component.length + " bytes]";
  }
}
