package io.cloister.component.engine.chicory;

import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.CodeSection;
import com.dylibso.chicory.wasm.types.FunctionBody;
import java.util.List;

/**
 * A parsed core module without its instructions, for instances whose every function is compiled.
 *
 * <p>Chicory keeps each function's parsed instructions for its interpreter; once every function is
 * JVM bytecode they are dead weight, and for the componentize-js app that is 4.4 million objects
 * (about 300 MiB) that every concurrent GC cycle marks again.
 */
final class BodylessModule {
  private BodylessModule() {}

  /** {@code module} with every function body emptied (its locals kept), all else shared. */
  static WasmModule of(WasmModule module) {
    CodeSection.Builder code =
        CodeSection.builder().setRequiresDataCount(module.codeSection().isRequiresDataCount());
    for (FunctionBody body : module.codeSection().functionBodies()) {
      code.addFunctionBody(new FunctionBody(body.localTypes(), List.of()));
    }
    WasmModule.Builder copy =
        WasmModule.builder()
            .setTypeSection(module.typeSection())
            .setImportSection(module.importSection())
            .setFunctionSection(module.functionSection())
            .setTableSection(module.tableSection())
            .setGlobalSection(module.globalSection())
            .setExportSection(module.exportSection())
            .setElementSection(module.elementSection())
            .setCodeSection(code.build())
            .setDataSection(module.dataSection())
            // validated when parsed; empty bodies would not validate again
            .withValidation(false);
    module.memorySection().ifPresent(copy::setMemorySection);
    module.startSection().ifPresent(copy::setStartSection);
    module.dataCountSection().ifPresent(copy::setDataCountSection);
    module.tagSection().ifPresent(copy::setTagSection);
    for (var custom : module.customSections()) {
      copy.addCustomSection(custom.name(), custom);
    }
    return copy.build();
  }
}
