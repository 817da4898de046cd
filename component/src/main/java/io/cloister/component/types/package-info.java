/**
 * The Component Model's type system: value types, function, instance and component types.
 *
 * <p>Types are immutable. Value types compare structurally ({@code equals}), but a decoded component
 * keeps exactly one object per type definition, so identity ({@code ==}, {@link
 * java.util.IdentityHashMap}) tells one definition from another: the WIT printer uses it to give a
 * type its declared name, and {@link io.cloister.component.types.ResourceType} is identity-only by
 * nature (two resources with the same name are still different types).
 */
package io.cloister.component.types;
