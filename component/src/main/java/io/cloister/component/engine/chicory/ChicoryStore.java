package io.cloister.component.engine.chicory;

import com.dylibso.chicory.runtime.ImportFunction;
import com.dylibso.chicory.runtime.ImportGlobal;
import com.dylibso.chicory.runtime.ImportMemory;
import com.dylibso.chicory.runtime.ImportTable;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import io.cloister.component.binary.CoreExternType;
import io.cloister.component.binary.CoreModuleInfo;
import io.cloister.component.engine.CoreExtern;
import io.cloister.component.engine.CoreFunction;
import io.cloister.component.engine.CoreImports;
import io.cloister.component.engine.CoreInstance;
import io.cloister.component.engine.CoreModule;
import io.cloister.component.engine.CoreStore;

/** Chicory instances of one component instance, every memory drawing on one budget. */
final class ChicoryStore implements CoreStore {
  private final MemoryBudget budget;

  ChicoryStore(MemoryBudget budget) {
    this.budget = budget;
  }

  @Override
  public CoreInstance instantiate(CoreModule module, CoreImports imports, String name) {
    ChicoryModule cm = (ChicoryModule) module;
    ImportValues.Builder iv = ImportValues.builder();
    for (CoreModuleInfo.Import imp : cm.info().imports()) {
      CoreExtern item = imports.get(imp.module(), imp.name());
      switch (imp.type()) {
        case CoreExternType.Func f -> {
          CoreFunction fn = (CoreFunction) item;
          String field =
              imp.module().isEmpty() && imp.name().isEmpty()
                  ? EmptyImportNames.REPLACEMENT
                  : imp.name();
          Instance source = fn instanceof ChicoryFunction exported ? exported.source() : null;
          iv.addFunction(
              new ImportFunction(
                  imp.module(), field, f.type(), (inst, args) -> fn.call(args), source));
        }
        case CoreExternType.Memory m ->
            iv.addMemory(new ImportMemory(imp.module(), imp.name(), (FlatMemory) item));
        case CoreExternType.Table t ->
            iv.addTable(new ImportTable(imp.module(), imp.name(), ((ChicoryTable) item).table()));
        case CoreExternType.Global g ->
            iv.addGlobal(
                new ImportGlobal(imp.module(), imp.name(), ((ChicoryGlobal) item).global()));
        case CoreExternType.Tag t ->
            throw new UnsupportedOperationException("imported exception tags");
      }
    }
    // withStart(false): Chicory would otherwise also call an exported `_start` (the WASI command
    // convention); in a component only the start section runs, `_start` is wasi:cli/run's job.
    Instance instance =
        Instance.builder(cm.module())
            .withImportValues(iv.build())
            .withMachineFactory(cm.machines())
            .withStart(false)
            // FlatMemory: the instance's memory cap (MemoryBudget) on every core memory.
            .withMemoryFactory(limits -> budget.newMemory(limits, name))
            .build();
    return new ChicoryInstance(instance, cm.info());
  }
}
