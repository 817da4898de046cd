package io.cloister.wasi.http;

import io.cloister.component.runtime.EngineOptions;
import io.cloister.engine.graalwasm.component.GraalWasmCoreEngine;

/** Every wasi:http fixture test, on GraalWasm. */
class HttpFixtureComponentsOnGraalWasmTest extends HttpFixtureComponentsTest {
  @Override
  EngineOptions engine() {
    return new EngineOptions(GraalWasmCoreEngine.shared(), EngineOptions.NO_MEMORY_CAP);
  }
}
