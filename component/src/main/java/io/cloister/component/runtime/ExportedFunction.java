package io.cloister.component.runtime;

import io.cloister.component.types.FuncType;

/**
 * A function an instance exports: {@code name} is a plain export name ({@code add}) or {@code
 * interface#function} ({@code docs:adder/add@0.1.0#add}).
 */
public record ExportedFunction(String name, FuncType type) {}
