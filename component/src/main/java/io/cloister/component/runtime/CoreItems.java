package io.cloister.component.runtime;

import io.cloister.component.engine.CoreExtern;
import io.cloister.component.engine.CoreInstance;
import java.util.Map;

/** A core instance put together item by item by a {@code (core instance (export ...))}. */
record CoreItems(Map<String, CoreExtern> items) implements CoreInstance {
  @Override
  public CoreExtern export(String name) {
    return items.get(name);
  }
}
