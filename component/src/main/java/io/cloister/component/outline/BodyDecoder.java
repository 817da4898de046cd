package io.cloister.component.outline;

import io.cloister.component.binary.ByteReader;
import io.cloister.component.binary.ComponentDecodeException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Decodes a function body into a tree of {@link Node}s, each keeping its original bytes and its
 * stack effect. Iterative, so deep nesting cannot exhaust the Java stack; bodies nested deeper than
 * {@link #MAX_DEPTH} (which later recursive passes walk) are {@link Unsupported}.
 */
final class BodyDecoder {
  static final int MAX_DEPTH = 1000;
  private static final int MAX_LOCALS = 50_000;

  private final ModuleLayout module;

  BodyDecoder(ModuleLayout module) {
    this.module = module;
  }

  private static final class Open {
    final Block block;
    List<Node> current;

    Open(Block block) {
      this.block = block;
      this.current = block.body;
    }
  }

  FunctionBody decode(int functionIndex) throws ComponentDecodeException, Unsupported {
    FuncSig sig = module.typeOfFunction(functionIndex);
    int[] range = module.bodies.get(functionIndex - module.importedFunctions);
    ByteReader r = new ByteReader(module.bytes, range[0], range[1]);
    byte[] localTypes = locals(r, sig);
    List<Node> top = new ArrayList<>();
    Deque<Open> open = new ArrayDeque<>();
    List<Node> current = top;
    while (true) {
      int at = r.position();
      int opcode = r.u8();
      switch (opcode) {
        case Block.BLOCK, Block.LOOP, Block.IF -> {
          int[] bt = blockType(r);
          if (open.size() >= MAX_DEPTH) {
            throw new Unsupported("blocks nested deeper than " + MAX_DEPTH);
          }
          Block b =
              new Block(
                  opcode,
                  bt[0],
                  bt[1],
                  new ArrayList<>(),
                  opcode == Block.IF ? new ArrayList<>() : null,
                  module.bytes,
                  at,
                  r.position());
          current.add(b);
          Open o = new Open(b);
          open.push(o);
          current = o.current;
        }
        case 0x05 -> {
          Open o = open.peek();
          if (o == null || o.block.kind != Block.IF || o.current != o.block.body) {
            throw r.errorAt(at, "else without a matching if");
          }
          o.current = o.block.elseBody;
          current = o.current;
        }
        case 0x0B -> {
          if (open.isEmpty()) {
            if (!r.atEnd()) {
              throw r.errorAt(r.position(), "bytes after the end of a function body");
            }
            return new FunctionBody(sig, localTypes, top);
          }
          open.pop();
          current = open.isEmpty() ? top : open.peek().current;
        }
        default -> current.add(op(r, at, opcode, sig, open.size(), localTypes.length));
      }
    }
  }

  private static byte[] locals(ByteReader r, FuncSig sig)
      throws ComponentDecodeException, Unsupported {
    int groups = r.count(2);
    long total = sig.params().length;
    int[] counts = new int[groups];
    byte[] types = new byte[groups];
    for (int i = 0; i < groups; i++) {
      counts[i] = r.index();
      types[i] = (byte) ModuleLayout.valType(r);
      total += counts[i];
      if (total > MAX_LOCALS) {
        throw r.error("function declares more than " + MAX_LOCALS + " locals");
      }
    }
    byte[] out = new byte[(int) total];
    System.arraycopy(sig.params(), 0, out, 0, sig.params().length);
    int k = sig.params().length;
    for (int i = 0; i < groups; i++) {
      for (int j = 0; j < counts[i]; j++) {
        out[k++] = types[i];
      }
    }
    return out;
  }

  /** Parameter and result counts of a block type. */
  private int[] blockType(ByteReader r) throws ComponentDecodeException, Unsupported {
    int b = r.peek();
    if (b == 0x40) {
      r.u8();
      return new int[] {0, 0};
    }
    if (ModuleLayout.isValType(b)) {
      r.u8();
      return new int[] {0, 1};
    }
    long t = r.s33();
    if (t < 0 || t >= module.types.size()) {
      throw new Unsupported("block type " + t);
    }
    FuncSig s = module.types.get((int) t);
    return new int[] {s.params().length, s.results().length};
  }

  private Op op(ByteReader r, int at, int opcode, FuncSig sig, int depth, int locals)
      throws ComponentDecodeException, Unsupported {
    Op op = decodeOp(r, at, opcode, sig);
    if (op.isLocal() && op.imm >= locals) {
      throw new Unsupported("local index " + op.imm);
    }
    if ((op.opcode == Op.BR || op.opcode == Op.BR_IF) && op.imm > depth) {
      throw new Unsupported("label depth " + op.imm);
    }
    if (op.opcode == Op.BR_TABLE) {
      for (int l : op.labels) {
        if (l > depth) {
          throw new Unsupported("label depth " + l);
        }
      }
    }
    return op;
  }

  private Op decodeOp(ByteReader r, int at, int opcode, FuncSig sig)
      throws ComponentDecodeException, Unsupported {
    int imm = 0;
    int[] labels = null;
    int pop;
    int push;
    switch (opcode) {
      case 0x00, 0x01 -> {
        pop = 0;
        push = 0;
      }
      case Op.BR -> {
        imm = r.index();
        pop = 0;
        push = 0;
      }
      case Op.BR_IF -> {
        imm = r.index();
        pop = 1;
        push = 0;
      }
      case Op.BR_TABLE -> {
        int n = r.count(1);
        labels = new int[n + 1];
        for (int i = 0; i <= n; i++) {
          labels[i] = r.index();
        }
        pop = 1;
        push = 0;
      }
      case Op.RETURN -> {
        pop = sig.results().length;
        push = 0;
      }
      case Op.CALL -> {
        imm = r.index();
        if (imm >= module.functionTypes.size()) {
          throw new Unsupported("function index " + imm);
        }
        FuncSig callee = module.typeOfFunction(imm);
        pop = callee.params().length;
        push = callee.results().length;
      }
      case 0x11 -> {
        int t = r.index();
        r.index();
        if (t >= module.types.size()) {
          throw new Unsupported("type index " + t);
        }
        pop = module.types.get(t).params().length + 1;
        push = module.types.get(t).results().length;
      }
      case 0x1A -> {
        pop = 1;
        push = 0;
      }
      case 0x1B -> {
        pop = 3;
        push = 1;
      }
      case 0x1C -> {
        int n = r.count(1);
        for (int i = 0; i < n; i++) {
          ModuleLayout.valType(r);
        }
        pop = 3;
        push = 1;
      }
      case Op.LOCAL_GET, Op.LOCAL_SET, Op.LOCAL_TEE -> {
        imm = r.index();
        pop = opcode == Op.LOCAL_GET ? 0 : 1;
        push = opcode == Op.LOCAL_SET ? 0 : 1;
      }
      case 0x23 -> {
        r.index();
        pop = 0;
        push = 1;
      }
      case 0x24 -> {
        r.index();
        pop = 1;
        push = 0;
      }
      case 0x25 -> {
        r.index();
        pop = 1;
        push = 1;
      }
      case 0x26 -> {
        r.index();
        pop = 2;
        push = 0;
      }
      case 0x3F -> {
        r.index();
        pop = 0;
        push = 1;
      }
      case 0x40 -> {
        r.index();
        pop = 1;
        push = 1;
      }
      case Op.I32_CONST -> {
        skipSigned(r, 5);
        pop = 0;
        push = 1;
      }
      case 0x42 -> {
        skipSigned(r, 10);
        pop = 0;
        push = 1;
      }
      case 0x43 -> {
        r.skip(4);
        pop = 0;
        push = 1;
      }
      case 0x44 -> {
        r.skip(8);
        pop = 0;
        push = 1;
      }
      case 0xD0 -> {
        ModuleLayout.valType(r);
        pop = 0;
        push = 1;
      }
      case 0xD1 -> {
        pop = 1;
        push = 1;
      }
      case 0xD2 -> {
        r.index();
        pop = 0;
        push = 1;
      }
      case 0xFC -> {
        int sub = r.u32();
        int[] effect = prefixed(r, sub);
        pop = effect[0];
        push = effect[1];
      }
      default -> {
        if (opcode >= 0x28 && opcode <= 0x3E) {
          memarg(r);
          pop = opcode <= 0x35 ? 1 : 2;
          push = opcode <= 0x35 ? 1 : 0;
        } else if (opcode == 0x45 || opcode == 0x50 || (opcode >= 0x67 && opcode <= 0x69)
            || (opcode >= 0x79 && opcode <= 0x7B) || (opcode >= 0x8B && opcode <= 0x91)
            || (opcode >= 0x99 && opcode <= 0x9F) || (opcode >= 0xA7 && opcode <= 0xC4)) {
          pop = 1;
          push = 1;
        } else if ((opcode >= 0x46 && opcode <= 0x66) || (opcode >= 0x6A && opcode <= 0x78)
            || (opcode >= 0x7C && opcode <= 0x8A) || (opcode >= 0x92 && opcode <= 0x98)
            || (opcode >= 0xA0 && opcode <= 0xA6)) {
          pop = 2;
          push = 1;
        } else {
          throw new Unsupported("opcode 0x" + Integer.toHexString(opcode));
        }
      }
    }
    return new Op(opcode, imm, labels, pop, push, module.bytes, at, r.position());
  }

  private static int[] prefixed(ByteReader r, int sub) throws ComponentDecodeException, Unsupported {
    switch (sub) {
      case 0, 1, 2, 3, 4, 5, 6, 7 -> {
        return new int[] {1, 1};
      }
      case 8 -> {
        r.index();
        r.index();
        return new int[] {3, 0};
      }
      case 9, 13 -> {
        r.index();
        return new int[] {0, 0};
      }
      case 10, 12, 14 -> {
        r.index();
        r.index();
        return new int[] {3, 0};
      }
      case 11, 17 -> {
        r.index();
        return new int[] {3, 0};
      }
      case 15 -> {
        r.index();
        return new int[] {2, 1};
      }
      case 16 -> {
        r.index();
        return new int[] {0, 1};
      }
      default -> throw new Unsupported("opcode 0xFC " + sub);
    }
  }

  private static void memarg(ByteReader r) throws ComponentDecodeException {
    int align = r.u32();
    if ((align & 0x40) != 0) {
      r.index();
    }
    r.u64();
  }

  private static void skipSigned(ByteReader r, int maxBytes) throws ComponentDecodeException {
    int start = r.position();
    for (int i = 0; ; i++) {
      if (i >= maxBytes) {
        throw r.errorAt(start, "signed LEB128 longer than " + maxBytes + " bytes");
      }
      if ((r.u8() & 0x80) == 0) {
        return;
      }
    }
  }
}
