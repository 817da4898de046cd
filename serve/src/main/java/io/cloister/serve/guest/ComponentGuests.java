package io.cloister.serve.guest;

import io.cloister.component.binary.ComponentDecodeException;
import io.cloister.component.link.ComponentLinkException;
import io.cloister.component.link.Linker;
import io.cloister.component.runtime.Component;
import io.cloister.component.runtime.ComponentInstance;
import io.cloister.component.runtime.EngineOptions;
import io.cloister.component.runtime.MemoryCapExceededException;
import io.cloister.wasi.WasiContext;
import io.cloister.wasi.WasiHost;
import io.cloister.wasi.http.HttpHandlerInvoker;
import java.util.NoSuchElementException;

/**
 * Instances of a real wasi:http component: compiled once (Chicory), then each instance gets its own
 * WASI context (resource table, stdio, logging, key-value view) from {@code host}.
 */
public final class ComponentGuests implements GuestFactory {
  private final Component component;
  private final WasiHost host;

  private ComponentGuests(Component component, WasiHost host) {
    this.component = component;
    this.host = host;
  }

  /**
   * Decodes, validates and compiles {@code bytes}, and checks once that it instantiates with WASI
   * and exports an incoming handler, so that a bad component fails at start, not per request.
   */
  public static ComponentGuests compile(byte[] bytes, WasiHost host, EngineOptions engine)
      throws ComponentDecodeException, GuestInstantiationException {
    ComponentGuests guests = new ComponentGuests(Component.compile(bytes, engine), host);
    guests.instantiate().close();
    return guests;
  }

  @Override
  public GuestInstance instantiate() throws GuestInstantiationException {
    WasiContext context = host.newContext();
    Linker<Void> linker = new Linker<Void>();
    context.register(linker);
    try {
      ComponentInstance instance = linker.instantiate(component);
      HttpHandlerInvoker invoker = context.httpHandler(instance);
      return new GuestInstance() {
        @Override
        public HttpHandlerInvoker invoker() {
          return invoker;
        }

        @Override
        public int heldResources() {
          return context.table().size();
        }

        @Override
        public void close() {
          // The instance's memory and tables are unreachable once the lease drops it.
        }
      };
    } catch (ComponentLinkException e) {
      throw new GuestInstantiationException(
          "the component's imports cannot be satisfied: " + e.getMessage(), e);
    } catch (NoSuchElementException e) {
      throw new GuestInstantiationException(
          "the component exports no wasi:http/incoming-handler", e);
    } catch (MemoryCapExceededException e) {
      throw new GuestInstantiationException(e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new GuestInstantiationException("instantiation trapped: " + e.getMessage(), e);
    }
  }
}
