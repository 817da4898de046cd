package io.cloister.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloister.component.binary.ComponentDecodeException;
import io.cloister.component.json.JsonCalls;
import io.cloister.component.json.JsonValueException;
import io.cloister.component.link.ComponentLinkException;
import io.cloister.component.link.Linker;
import io.cloister.component.runtime.Component;
import io.cloister.component.runtime.ComponentFunction;
import io.cloister.component.runtime.ComponentInstance;
import io.cloister.component.runtime.ComponentTrapException;
import io.cloister.component.runtime.EngineOptions;
import io.cloister.component.types.FuncType;
import io.cloister.component.values.Value;
import io.cloister.engine.graalwasm.component.EngineChoice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cloister call FILE FUNCTION [JSON-ARGS]}: instantiates a component without host imports
 * and calls one exported function with JSON arguments, printing the JSON result.
 */
@Command(
    name = "call",
    mixinStandardHelpOptions = true,
    description = {
      "Instantiate a component and call an exported function with JSON arguments.",
      "FUNCTION is a root export (add) or interface#function (docs:adder/add@0.1.0#add).",
      "JSON-ARGS is an object of named parameters ({\"x\":1,\"y\":2}) or an array in parameter order."
    })
public final class CallCommand implements Callable<Integer> {
  /** Exit code for unreadable input, an invalid component, an unknown function or bad arguments. */
  static final int BAD_INPUT = 2;

  /** Exit code when the component imports something this command cannot provide. */
  static final int UNSATISFIED_IMPORTS = 3;

  /** Exit code when the component traps. */
  static final int TRAPPED = 4;

  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "A component binary (.wasm).")
  Path file;

  @Parameters(index = "1", paramLabel = "FUNCTION", description = "The exported function to call.")
  String function;

  @Parameters(
      index = "2",
      arity = "0..1",
      paramLabel = "JSON-ARGS",
      description = "The arguments as JSON (default: none).")
  String arguments;

  @Option(names = "--interpret", description = "Interpret the core modules instead of compiling them.")
  boolean interpret;

  @Option(
      names = "--engine",
      paramLabel = "ENGINE",
      description = "The core engine: chicory (default) or graalwasm (needs the launcher's JVMCI flags).")
  String engine = "chicory";

  @Override
  public Integer call() {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return fail(BAD_INPUT, file + ": no such file");
    } catch (IOException e) {
      return fail(BAD_INPUT, file + ": cannot read: " + e.getMessage());
    }
    EngineOptions options;
    try {
      options =
          interpret
              ? EngineOptions.interpreted()
              : new EngineOptions(
                  EngineChoice.parse(engine)
                      .engine(w -> spec.commandLine().getErr().println("cloister call: warning: " + w)),
                  EngineOptions.NO_MEMORY_CAP);
    } catch (IllegalArgumentException e) {
      return fail(BAD_INPUT, "--engine: " + e.getMessage());
    }
    Component component;
    try {
      component = Component.compile(bytes, options);
    } catch (ComponentDecodeException e) {
      return fail(BAD_INPUT, file + ": not a valid component: " + e.getMessage());
    }
    ComponentInstance instance;
    try {
      instance = new Linker<Void>().instantiate(component);
    } catch (ComponentLinkException e) {
      spec.commandLine().getErr().println("cloister call: " + file + ": " + e.getMessage());
      spec.commandLine().getErr().flush();
      return UNSATISFIED_IMPORTS;
    } catch (ComponentTrapException e) {
      return fail(TRAPPED, e.getMessage());
    }
    ComponentFunction fn;
    try {
      fn = instance.exportedFunction(function);
    } catch (NoSuchElementException e) {
      return fail(BAD_INPUT, e.getMessage());
    }
    List<Value> args;
    try {
      args = JsonCalls.arguments(fn.type(), named(fn.type(), parse(arguments)));
    } catch (JsonProcessingException e) {
      return fail(BAD_INPUT, "JSON-ARGS is not JSON: " + e.getOriginalMessage());
    } catch (JsonValueException e) {
      return fail(BAD_INPUT, "bad argument " + e.getMessage());
    }
    try {
      List<Value> results = fn.call(args);
      spec.commandLine().getOut().println(JSON.writeValueAsString(JsonCalls.result(fn.type(), results)));
      spec.commandLine().getOut().flush();
      return 0;
    } catch (ComponentTrapException e) {
      return fail(TRAPPED, e.getMessage());
    } catch (JsonProcessingException e) {
      return fail(TRAPPED, "cannot print the result: " + e.getOriginalMessage());
    }
  }

  private static JsonNode parse(String text) throws JsonProcessingException {
    return text == null ? null : JSON.readTree(text);
  }

  /** An array of arguments in parameter order becomes the object of named parameters. */
  private static JsonNode named(FuncType type, JsonNode args) {
    if (args == null || !args.isArray()) {
      return args;
    }
    if (args.size() != type.params().size()) {
      throw new JsonValueException(
          "$", "the function takes " + type.params().size() + " arguments, got " + args.size());
    }
    ObjectNode obj = JSON.createObjectNode();
    for (int i = 0; i < args.size(); i++) {
      obj.set(type.params().get(i).name(), args.get(i));
    }
    return obj;
  }

  private int fail(int code, String why) {
    // One line, whatever bytes a hostile name in the message holds.
    spec.commandLine().getErr().println(("cloister call: " + why).replaceAll("\\p{Cntrl}", "?"));
    spec.commandLine().getErr().flush();
    return code;
  }
}
