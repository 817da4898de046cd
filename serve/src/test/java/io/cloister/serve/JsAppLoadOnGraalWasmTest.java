package io.cloister.serve;

import io.cloister.component.runtime.EngineOptions;
import io.cloister.engine.graalwasm.component.GraalWasmCoreEngine;

/** The JS app's load test, on GraalWasm. */
class JsAppLoadOnGraalWasmTest extends JsAppLoadTest {
  @Override
  EngineOptions engine() {
    return new EngineOptions(GraalWasmCoreEngine.shared(), EngineOptions.NO_MEMORY_CAP);
  }
}
