package io.cloister.serve.guest;

/**
 * Makes instances of one app: the component runtime compiles the component once and instantiates
 * it, with WASI linked, on each call.
 */
@FunctionalInterface
public interface GuestFactory {

  /** A new, independent instance. */
  GuestInstance instantiate() throws GuestInstantiationException;
}
