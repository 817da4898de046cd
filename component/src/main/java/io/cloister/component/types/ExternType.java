package io.cloister.component.types;

/** What an import or export of a component or instance is. */
public sealed interface ExternType
    permits FuncType, InstanceType, ComponentType, CoreModuleType, TypeExtern, ValueExtern {}
