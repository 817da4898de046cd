package io.cloister.component.binary;

import com.dylibso.chicory.wasm.types.FunctionType;
import io.cloister.component.types.ComponentType;
import io.cloister.component.types.DefType;
import io.cloister.component.types.FuncType;
import io.cloister.component.types.InstanceType;
import io.cloister.component.types.ResourceType;
import io.cloister.component.types.ValType;
import java.util.List;
import java.util.Map;

/**
 * A decoded and validated component: its definitions and, per index space, the resolved type of
 * every item. Immutable once built; one Java object per type definition.
 *
 * @param ast the definitions as decoded
 * @param type the component's own type: its imports and exports
 * @param types the type index space
 * @param coreTypes the core type index space: {@link FunctionType} or {@link CoreModuleInfo}
 * @param funcs the component function index space
 * @param coreFuncs the core function index space (a null type for an unsupported built-in)
 * @param coreTables the core table index space
 * @param coreMemories the core memory index space
 * @param coreGlobals the core global index space
 * @param coreModules the core module index space
 * @param coreInstances the core instance index space: exports by name
 * @param instances the component instance index space
 * @param components the component index space
 * @param componentBodies for each component index, its validated definition (null when imported)
 * @param values the value index space
 * @param resourceDtors for each resource type this component defines, its destructor's core
 *     function index, or -1
 */
public record ValidatedComponent(
    ComponentAst ast,
    ComponentType type,
    List<DefType> types,
    List<Object> coreTypes,
    List<FuncType> funcs,
    List<FunctionType> coreFuncs,
    List<CoreExternType> coreTables,
    List<CoreExternType> coreMemories,
    List<CoreExternType> coreGlobals,
    List<CoreModuleInfo> coreModules,
    List<Map<String, CoreExternType>> coreInstances,
    List<InstanceType> instances,
    List<ComponentType> components,
    List<ValidatedComponent> componentBodies,
    List<ValType> values,
    Map<ResourceType, Integer> resourceDtors) {

  /** Decodes and validates a component binary. */
  public static ValidatedComponent of(byte[] bytes) throws ComponentDecodeException {
    return ComponentValidator.validate(ComponentDecoder.decode(bytes));
  }
}
