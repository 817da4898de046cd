package io.cloister.component.outline;

import io.cloister.component.binary.ByteReader;
import io.cloister.component.binary.ComponentDecodeException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rewrites a core module so that no function body is larger than a budget (in bytes), keeping its
 * meaning: regions of oversized functions move into new functions appended after all others, so
 * no existing function, type or other index changes. Only the type, function and code sections
 * change; every other section is copied byte for byte.
 *
 * <p>A function the outliner does not fully model (an opcode it does not know, nesting deeper than
 * {@link BodyDecoder#MAX_DEPTH}) is left as it is; malformed bytes fail with a {@link
 * ComponentDecodeException}.
 */
public final class ModuleOutliner {
  /**
   * The default budget, in body bytes: the largest outlined function of the JS app still compiles
   * to a JVM method with Chicory 1.7.5 (see docs/adr/0004-outlining-huge-functions.md).
   */
  public static final int DEFAULT_BUDGET = 20_000;

  private final int budget;

  /** An outliner that keeps function bodies at or below {@code budget} bytes where it can. */
  public ModuleOutliner(int budget) {
    if (budget < 64) {
      throw new IllegalArgumentException("budget below 64 bytes: " + budget);
    }
    this.budget = budget;
  }

  /** What outlining did to a module. */
  public record Result(byte[] module, int functionsSplit, int functionsAdded, int functionsLeft) {}

  /**
   * Outlines {@code module}; error offsets are reported as {@code base} plus the offset in {@code
   * module} (the module's position in an enclosing component).
   */
  public Result outline(byte[] module, long base) throws ComponentDecodeException {
    try {
      return outline(module);
    } catch (ComponentDecodeException e) {
      throw new ComponentDecodeException(base + e.offset(), e.rule());
    }
  }

  private Result outline(byte[] module) throws ComponentDecodeException {
    ModuleLayout layout;
    try {
      layout = ModuleLayout.read(module);
    } catch (Unsupported e) {
      return new Result(module, 0, 0, 0);
    }
    List<FuncSig> types = new ArrayList<>(layout.types);
    Map<FuncSig, Integer> typeIndex = new HashMap<>();
    for (int i = layout.types.size() - 1; i >= 0; i--) {
      typeIndex.put(layout.types.get(i), i);
    }
    List<Integer> addedTypes = new ArrayList<>();
    List<byte[]> addedBodies = new ArrayList<>();
    int firstNew = layout.functionTypes.size();
    FunctionOutliner.Sink sink =
        (sig, body) -> {
          Integer t = typeIndex.get(sig);
          if (t == null) {
            t = types.size();
            types.add(sig);
            typeIndex.put(sig, t);
          }
          addedTypes.add(t);
          addedBodies.add(body);
          return firstNew + addedBodies.size() - 1;
        };
    Map<Integer, byte[]> replaced = new HashMap<>();
    BodyDecoder decoder = new BodyDecoder(layout);
    int left = 0;
    for (int i = 0; i < layout.bodies.size(); i++) {
      int[] b = layout.bodies.get(i);
      if (b[1] - b[0] <= budget) {
        continue;
      }
      FunctionBody body;
      try {
        body = decoder.decode(layout.importedFunctions + i);
      } catch (Unsupported e) {
        left++;
        continue;
      }
      FunctionOutliner f = new FunctionOutliner(body, budget, sink);
      f.run(budget);
      if (f.outlined() > 0) {
        byte[] encoded = f.encode();
        replaced.put(i, encoded);
        if (encoded.length > budget) {
          left++;
        }
      } else {
        left++;
      }
    }
    if (replaced.isEmpty()) {
      return new Result(module, 0, 0, left);
    }
    byte[] out = assemble(layout, types, addedTypes, addedBodies, replaced);
    return new Result(out, replaced.size(), addedBodies.size(), left);
  }

  private static byte[] assemble(
      ModuleLayout layout,
      List<FuncSig> types,
      List<Integer> addedTypes,
      List<byte[]> addedBodies,
      Map<Integer, byte[]> replaced)
      throws ComponentDecodeException {
    byte[] src = layout.bytes;
    WasmWriter w = new WasmWriter();
    w.bytes(src, 0, 8);
    for (ModuleLayout.Section s : layout.sections) {
      WasmWriter c = new WasmWriter();
      switch (s.id()) {
        case ModuleLayout.TYPE -> {
          int after = afterCount(src, s);
          c.u32(types.size());
          c.bytes(src, after, s.end() - after);
          for (int t = layout.types.size(); t < types.size(); t++) {
            types.get(t).encode(c);
          }
        }
        case ModuleLayout.FUNCTION -> {
          int after = afterCount(src, s);
          c.u32(layout.functionTypes.size() - layout.importedFunctions + addedTypes.size());
          c.bytes(src, after, s.end() - after);
          for (int t : addedTypes) {
            c.u32(t);
          }
        }
        case ModuleLayout.CODE -> {
          c.u32(layout.bodies.size() + addedBodies.size());
          for (int i = 0; i < layout.bodies.size(); i++) {
            byte[] body = replaced.get(i);
            if (body != null) {
              c.u32(body.length);
              c.bytes(body);
            } else {
              int[] b = layout.bodies.get(i);
              c.u32(b[1] - b[0]);
              c.bytes(src, b[0], b[1] - b[0]);
            }
          }
          for (byte[] body : addedBodies) {
            c.u32(body.length);
            c.bytes(body);
          }
        }
        default -> {
          w.bytes(src, s.headerStart(), s.end() - s.headerStart());
          continue;
        }
      }
      w.u8(s.id());
      w.sized(c);
    }
    return w.toByteArray();
  }

  private static int afterCount(byte[] src, ModuleLayout.Section s)
      throws ComponentDecodeException {
    ByteReader r = new ByteReader(src, s.start(), s.end());
    r.index();
    return r.position();
  }
}
