package io.cloister.component.outline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Encodes a tree of {@link Node}s back to instructions. In a function it writes every node as it
 * was; for a region moved into a new function it renumbers locals and turns each branch that
 * leaves the region (and each {@code return}) into "store the exit code, branch to the exit block".
 */
final class BodyEncoder {
  private final int[] localMap;
  private final int level;
  private final Map<Integer, Integer> exitCodes;
  private final int returnCode;
  private final int codeLocal;
  private final int[] retLocals;

  private BodyEncoder(
      int[] localMap,
      int level,
      Map<Integer, Integer> exitCodes,
      int returnCode,
      int codeLocal,
      int[] retLocals) {
    this.localMap = localMap;
    this.level = level;
    this.exitCodes = exitCodes;
    this.returnCode = returnCode;
    this.codeLocal = codeLocal;
    this.retLocals = retLocals;
  }

  /** Writes {@code nodes} unchanged. */
  static void copy(List<Node> nodes, WasmWriter w) {
    new BodyEncoder(null, 0, Map.of(), 0, 0, null).list(nodes, 0, w);
  }

  /**
   * Writes a region taken from a list at label {@code level}: locals renumbered by {@code
   * localMap}; a branch to label level {@code t} outside the region stores {@code exitCodes.get(t)}
   * in {@code codeLocal} and branches to a block wrapping the region; {@code return} (and a branch
   * to the function's label) first stores the returned values in {@code retLocals}.
   */
  static void region(
      List<Node> nodes,
      int[] localMap,
      int level,
      Map<Integer, Integer> exitCodes,
      int returnCode,
      int codeLocal,
      int[] retLocals,
      WasmWriter w) {
    new BodyEncoder(localMap, level, exitCodes, returnCode, codeLocal, retLocals).list(nodes, 0, w);
  }

  private void list(List<Node> nodes, int n, WasmWriter w) {
    for (Node node : nodes) {
      if (node instanceof Block b) {
        b.copyHead(w);
        list(b.body, n + 1, w);
        if (b.hasElse()) {
          w.u8(0x05);
          list(b.elseBody, n + 1, w);
        }
        w.u8(0x0B);
      } else {
        op((Op) node, n, w);
      }
    }
  }

  private void op(Op op, int n, WasmWriter w) {
    if (localMap != null && op.isLocal()) {
      op.encodeAs(w, localMap[op.imm], null);
      return;
    }
    if (localMap == null) {
      op.copyTo(w);
      return;
    }
    switch (op.opcode) {
      case Op.BR -> {
        if (op.imm < n) {
          op.copyTo(w);
        } else {
          exit(exitCode(op.imm, n), n, w);
        }
      }
      case Op.BR_IF -> {
        if (op.imm < n) {
          op.copyTo(w);
        } else {
          w.u8(Block.IF);
          w.u8(0x40);
          exit(exitCode(op.imm, n), n + 1, w);
          w.u8(0x0B);
        }
      }
      case Op.BR_TABLE -> brTable(op, n, w);
      case Op.RETURN -> exit(returnCode, n, w);
      default -> op.copyTo(w);
    }
  }

  private int exitCode(int depth, int n) {
    int target = level - (depth - n);
    return target == 0 ? returnCode : exitCodes.get(target);
  }

  /** Leaves the region with {@code code}: {@code exitDepth} is the depth of the exit block. */
  private void exit(int code, int exitDepth, WasmWriter w) {
    if (code == returnCode) {
      for (int r = retLocals.length - 1; r >= 0; r--) {
        w.u8(Op.LOCAL_SET);
        w.u32(retLocals[r]);
      }
    }
    w.u8(Op.I32_CONST);
    w.s32(code);
    w.u8(Op.LOCAL_SET);
    w.u32(codeLocal);
    w.u8(Op.BR);
    w.u32(exitDepth);
  }

  /**
   * A table with targets outside the region: its index goes to the code local, then one landing
   * block per distinct outside target sets that target's code and leaves.
   */
  private void brTable(Op op, int n, WasmWriter w) {
    List<Integer> codes = new ArrayList<>();
    for (int l : op.labels) {
      if (l >= n && !codes.contains(exitCode(l, n))) {
        codes.add(exitCode(l, n));
      }
    }
    if (codes.isEmpty()) {
      op.copyTo(w);
      return;
    }
    int m = codes.size();
    int[] mapped = new int[op.labels.length];
    for (int i = 0; i < mapped.length; i++) {
      int l = op.labels[i];
      mapped[i] = l < n ? l + m : codes.indexOf(exitCode(l, n));
    }
    w.u8(Op.LOCAL_SET);
    w.u32(codeLocal);
    for (int i = 0; i < m; i++) {
      w.u8(Block.BLOCK);
      w.u8(0x40);
    }
    w.u8(Op.LOCAL_GET);
    w.u32(codeLocal);
    op.encodeAs(w, 0, mapped);
    for (int j = 0; j < m; j++) {
      w.u8(0x0B);
      exit(codes.get(j), n + m - 1 - j, w);
    }
  }
}
