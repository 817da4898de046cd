package io.cloister.artifact.meta;

import java.util.Objects;

/**
 * An imported or exported function: {@code add} at the root or {@code docs:adder/add@0.1.0#add}
 * in an interface, and its WIT signature ({@code func(x: u32, y: u32) -> u32}; named types by
 * kind, their definitions are in the WIT text).
 */
public record FunctionItem(String name, String type) {
  public FunctionItem {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }
}
