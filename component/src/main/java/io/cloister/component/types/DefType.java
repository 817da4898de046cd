package io.cloister.component.types;

/** Anything a component-level type index can denote. */
public sealed interface DefType permits ValType, FuncType, InstanceType, ComponentType, ResourceType {}
