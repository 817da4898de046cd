package io.cloister.serve.guest;

import io.cloister.component.binary.ComponentDecodeException;
import io.cloister.component.engine.MemoryCapExceededException;
import io.cloister.component.link.ComponentLinkException;
import io.cloister.component.link.InstancePre;
import io.cloister.component.runtime.Component;
import io.cloister.component.runtime.ComponentInstance;
import io.cloister.component.runtime.EngineOptions;
import io.cloister.wasi.WasiApp;
import io.cloister.wasi.WasiContext;
import io.cloister.wasi.WasiHost;
import io.cloister.wasi.http.HttpHandlerInvoker;
import java.util.NoSuchElementException;

/**
 * Instances of a real wasi:http component: compiled and linked once, then each instance gets its own
 * WASI context (resource table, stdio, logging, key-value view) from the app's {@link WasiApp}.
 */
public final class ComponentGuests implements GuestFactory {
  private final WasiApp wasi;
  private final InstancePre<WasiContext> linked;

  private ComponentGuests(WasiApp wasi, InstancePre<WasiContext> linked) {
    this.wasi = wasi;
    this.linked = linked;
  }

  /**
   * Decodes, validates and compiles {@code bytes}, links it against WASI once (every import
   * type-checked), and checks once that it instantiates and exports an incoming handler, so that a
   * bad component fails at start, not per request.
   */
  public static ComponentGuests compile(byte[] bytes, WasiHost host, EngineOptions engine)
      throws ComponentDecodeException, GuestInstantiationException {
    return of(Component.compile(bytes, engine), host);
  }

  /**
   * Links the compiled {@code component} against WASI once and checks once that it instantiates
   * and exports an incoming handler.
   */
  public static ComponentGuests of(Component component, WasiHost host)
      throws GuestInstantiationException {
    WasiApp wasi = WasiApp.of(host);
    InstancePre<WasiContext> linked;
    try {
      linked = wasi.prepare(component);
    } catch (ComponentLinkException e) {
      throw new GuestInstantiationException(
          "the component's imports cannot be satisfied: " + e.getMessage(), e);
    }
    return of(wasi, linked);
  }

  /**
   * Instances of a component already linked against {@code wasi} ({@code linked}); checks once
   * that it instantiates and exports an incoming handler.
   */
  public static ComponentGuests of(WasiApp wasi, InstancePre<WasiContext> linked)
      throws GuestInstantiationException {
    ComponentGuests guests = new ComponentGuests(wasi, linked);
    guests.instantiate().close();
    return guests;
  }

  @Override
  public GuestInstance instantiate() throws GuestInstantiationException {
    WasiContext context = wasi.newContext();
    try {
      ComponentInstance instance = linked.instantiate(context);
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
        public void interrupt() {
          instance.interrupt();
        }

        @Override
        public void close() {
          instance.close();
        }
      };
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
