package io.cloister.enclave.rpc;

import io.cloister.component.json.JsonSchemas;
import io.cloister.component.types.ExternDecl;
import io.cloister.component.types.FuncType;
import io.cloister.component.types.InstanceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An exported function as JSON calls see it: its name ({@code add} or {@code interface#function}),
 * its type, and why it cannot be called with JSON, if it cannot (a resource in its signature).
 */
public record RpcFunction(String name, FuncType type, Optional<String> uncallable) {

  /** The prefix of the interface that is an app's HTTP entry point, not a function to call. */
  private static final String INCOMING_HANDLER = "wasi:http/incoming-handler@";

  /** Whether JSON calls can reach it. */
  public boolean callable() {
    return uncallable.isEmpty();
  }

  /**
   * The exported functions of a component with these {@code exports}, root ones first, in export
   * order; the incoming handler is left out (it is reached over HTTP).
   */
  public static List<RpcFunction> of(List<ExternDecl> exports) {
    List<RpcFunction> out = new ArrayList<>();
    for (ExternDecl e : exports) {
      if (e.type() instanceof FuncType ft) {
        out.add(of(e.name(), ft));
      }
    }
    for (ExternDecl e : exports) {
      if (e.type() instanceof InstanceType it && !e.name().startsWith(INCOMING_HANDLER)) {
        for (ExternDecl d : it.exports()) {
          if (d.type() instanceof FuncType ft) {
            out.add(of(e.name() + "#" + d.name(), ft));
          }
        }
      }
    }
    return List.copyOf(out);
  }

  private static RpcFunction of(String name, FuncType type) {
    return new RpcFunction(
        name,
        type,
        JsonSchemas.representable(type)
            ? Optional.empty()
            : Optional.of(
                "its signature holds a resource handle, which lives only as long as the instance"
                    + " of one call and cannot be written as JSON"));
  }
}
