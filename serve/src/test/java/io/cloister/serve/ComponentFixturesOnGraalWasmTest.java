package io.cloister.serve;

import io.cloister.component.runtime.EngineOptions;
import io.cloister.engine.graalwasm.component.GraalWasmCoreEngine;

/** Every served-fixture test, with the guests on GraalWasm. */
class ComponentFixturesOnGraalWasmTest extends ComponentFixturesTest {
  @Override
  EngineOptions engine(ServeOptions options) {
    return new EngineOptions(GraalWasmCoreEngine.shared(), options.maxMemoryBytes());
  }
}
