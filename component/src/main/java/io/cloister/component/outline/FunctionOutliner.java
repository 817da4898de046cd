package io.cloister.component.outline;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Shrinks one function below a size budget by moving regions of it into new functions, largest
 * region first. A region is a run of consecutive instructions of one body that starts at operand
 * stack height 0 of its frame and ends at height 0 (or in unreachable code): it takes no operands
 * and leaves none, so it communicates with the rest of the function only through locals, branches
 * out of it and {@code return}.
 *
 * <p>The new function takes every local the region references as a parameter and returns the
 * function's return values (when the region returns), every local the region writes, and an exit
 * code (when the region can leave other than by falling through). In place of the region the
 * caller passes the locals, calls, stores the written locals back and dispatches on the exit code
 * with a {@code br_table}.
 */
final class FunctionOutliner {
  /** JVM parameter slots an outlined function may take (the JVM allows 255, Chicory adds two). */
  static final int MAX_PARAM_SLOTS = 200;

  /** Where outlined functions go. */
  interface Sink {
    /** Appends a function; returns its index. */
    int add(FuncSig sig, byte[] body);
  }

  private final FunctionBody fn;
  private final int cap;
  private final Sink sink;
  private final int scratchBase;
  private final int codeLocal;
  private final int[] retLocals;
  private final int words;
  private int outlined;

  /** The largest region of one list, and the preorder node ids it covers, {@code [lo, hi)}. */
  private record Candidate(
      List<Node> list, int start, int end, int level, long size, boolean endsUnreachable,
      int lo, int hi) {}

  private final List<Candidate> candidates = new ArrayList<>();
  // call stubs' nodes after their first: a region may not begin or end before them, because the
  // exit code and return values pass from the call to the dispatch in scratch locals
  private final Set<Node> glued = Collections.newSetFromMap(new IdentityHashMap<>());
  private int nextId;

  FunctionOutliner(FunctionBody fn, int budget, Sink sink) {
    this.fn = fn;
    // room for what rewriting adds: the exit block, exit-code stores, the result epilogue
    this.cap = budget - budget / 8;
    this.sink = sink;
    this.scratchBase = fn.localTypes().length;
    this.codeLocal = scratchBase;
    this.retLocals = new int[fn.sig().results().length];
    for (int r = 0; r < retLocals.length; r++) {
      retLocals[r] = scratchBase + 1 + r;
    }
    this.words = Math.max(1, (scratchBase + 63) / 64);
  }

  /** How many functions were split off. */
  int outlined() {
    return outlined;
  }

  /** Outlines regions until the body fits {@code budget} or no region is left to take. */
  void run(int budget) {
    long lastSize = Long.MAX_VALUE;
    while (true) {
      candidates.clear();
      nextId = 0;
      long size = visit(fn.body(), 0, 0, new ArrayList<>(List.of(fn.sig().results().length)))
          .size;
      if (size <= budget || candidates.isEmpty() || size >= lastSize) {
        return;
      }
      lastSize = size;
      // largest regions first, none inside another, until they add up to the excess
      candidates.sort((a, b) -> Long.compare(b.size, a.size));
      List<Candidate> chosen = new ArrayList<>();
      long removed = 0;
      for (Candidate c : candidates) {
        if (removed >= size - budget) {
          break;
        }
        if (chosen.stream().noneMatch(o -> o.lo < c.hi && c.lo < o.hi)) {
          chosen.add(c);
          removed += c.size;
        }
      }
      for (Candidate c : chosen) {
        outline(c.list, c.start, c.end, c.level, c.endsUnreachable);
        outlined++;
      }
    }
  }

  /** What a node or list contributes to a region containing it. */
  private record Summary(long size, long[] locals, int minBadTarget) {}

  private Summary visit(List<Node> list, int level, int startHeight, List<Integer> arities) {
    int m = list.size();
    long[] size = new long[m];
    long[][] locals = new long[m][];
    boolean[] bad = new boolean[m];
    long total = 0;
    long[] all = new long[words];
    int minBad = Integer.MAX_VALUE;
    int[] ids = new int[m + 1];
    for (int i = 0; i < m; i++) {
      ids[i] = nextId++;
      Summary s = summarize(list.get(i), level, arities);
      size[i] = s.size;
      locals[i] = s.locals;
      bad[i] = s.minBadTarget <= level;
      total += s.size;
      if (s.locals != null) {
        or(all, s.locals);
      }
      minBad = Math.min(minBad, s.minBadTarget);
    }
    ids[m] = nextId;
    search(list, level, startHeight, size, locals, bad, ids);
    return new Summary(total, all, minBad);
  }

  private Summary summarize(Node node, int level, List<Integer> arities) {
    if (node instanceof Block b) {
      arities.add(b.labelArity());
      Summary body = visit(b.body, level + 1, b.params, arities);
      long size = b.headSize() + 1 + body.size;
      long[] locals = body.locals.clone();
      int minBad = body.minBadTarget;
      if (b.hasElse()) {
        Summary e = visit(b.elseBody, level + 1, b.params, arities);
        size += 1 + e.size;
        or(locals, e.locals);
        minBad = Math.min(minBad, e.minBadTarget);
      }
      arities.remove(arities.size() - 1);
      return new Summary(size, locals, minBad);
    }
    Op op = (Op) node;
    long[] locals = null;
    if (op.isLocal() && op.imm < scratchBase) {
      locals = new long[words];
      locals[op.imm >>> 6] |= 1L << op.imm;
    }
    int minBad = Integer.MAX_VALUE;
    if (op.opcode == Op.BR) {
      minBad = badTarget(level - op.imm, false, arities);
    } else if (op.opcode == Op.BR_IF) {
      minBad = badTarget(level - op.imm, true, arities);
    } else if (op.opcode == Op.BR_TABLE) {
      for (int l : op.labels) {
        minBad = Math.min(minBad, badTarget(level - l, true, arities));
      }
    }
    return new Summary(op.size(), locals, minBad);
  }

  /**
   * {@code target} when a branch to that label level cannot leave a region: it carries values
   * (except an unconditional branch to the function's label, which is a {@code return}).
   */
  private static int badTarget(int target, boolean conditional, List<Integer> arities) {
    int arity = arities.get(target);
    if (arity == 0 || (target == 0 && !conditional)) {
      return Integer.MAX_VALUE;
    }
    return target;
  }

  /** Finds the largest region of {@code list} that fits, with a sliding window. */
  private void search(
      List<Node> list,
      int level,
      int startHeight,
      long[] size,
      long[][] locals,
      boolean[] bad,
      int[] ids) {
    Candidate best = null;
    int m = list.size();
    int[] height = new int[m + 1];
    int h = startHeight;
    for (int i = 0; i < m; i++) {
      height[i] = h;
      Node n = list.get(i);
      if (h >= 0) {
        h = h - n.pop() + n.push();
        if (n instanceof Op op && op.terminal()) {
          h = -1;
        }
      }
    }
    height[m] = h;
    for (int i = 1; i < m; i++) {
      if (glued.contains(list.get(i))) {
        height[i] = Integer.MIN_VALUE;
      }
    }
    // prevEnd[j]: the last position <= j where a region may end
    long[] prefix = new long[m + 1];
    for (int i = 0; i < m; i++) {
      prefix[i + 1] = prefix[i] + size[i];
    }
    int[] prevEnd = new int[m + 1];
    for (int j = 0; j <= m; j++) {
      boolean end = height[j] == 0 || height[j] == -1;
      prevEnd[j] = end ? j : (j == 0 ? -1 : prevEnd[j - 1]);
    }
    int[] count = new int[scratchBase];
    int distinct = 0;
    int slots = 0;
    long windowSize = 0;
    int j = 0;
    for (int i = 0; i < m; i++) {
      if (j < i) {
        j = i;
      }
      while (j < m && !bad[j] && windowSize + size[j] <= cap) {
        int addSlots = 0;
        int addDistinct = 0;
        if (locals[j] != null) {
          for (int x = nextBit(locals[j], 0); x >= 0; x = nextBit(locals[j], x + 1)) {
            if (count[x] == 0) {
              addSlots += slotsOf(x);
              addDistinct++;
            }
          }
        }
        if (slots + addSlots > MAX_PARAM_SLOTS) {
          break;
        }
        if (locals[j] != null) {
          for (int x = nextBit(locals[j], 0); x >= 0; x = nextBit(locals[j], x + 1)) {
            count[x]++;
          }
        }
        slots += addSlots;
        distinct += addDistinct;
        windowSize += size[j];
        j++;
      }
      if (height[i] == 0) {
        int e = prevEnd[j];
        if (e > i) {
          long s = prefix[e] - prefix[i];
          // a region must be worth its call: larger than the stub that replaces it, twice over
          if ((best == null || s > best.size) && s >= 2L * (4L * distinct + 24)) {
            best = new Candidate(list, i, e, level, s, height[e] < 0, ids[i], ids[e]);
          }
        }
      }
      if (j > i) {
        windowSize -= size[i];
        if (locals[i] != null) {
          for (int x = nextBit(locals[i], 0); x >= 0; x = nextBit(locals[i], x + 1)) {
            if (--count[x] == 0) {
              slots -= slotsOf(x);
              distinct--;
            }
          }
        }
      }
    }
    if (best != null) {
      candidates.add(best);
    }
  }

  private int slotsOf(int local) {
    byte t = fn.localTypes()[local];
    return t == 0x7E || t == 0x7C ? 2 : 1;
  }

  private static int nextBit(long[] bits, int from) {
    int w = from >>> 6;
    if (w >= bits.length) {
      return -1;
    }
    long word = bits[w] & (-1L << from);
    while (true) {
      if (word != 0) {
        return (w << 6) + Long.numberOfTrailingZeros(word);
      }
      if (++w == bits.length) {
        return -1;
      }
      word = bits[w];
    }
  }

  private static void or(long[] into, long[] from) {
    for (int i = 0; i < into.length; i++) {
      into[i] |= from[i];
    }
  }

  /** What a region touches. */
  private static final class RegionScan {
    final BitSet referenced = new BitSet();
    final BitSet written = new BitSet();
    final Map<Integer, Integer> exitCodes = new LinkedHashMap<>();
    boolean returns;
  }

  private void scan(List<Node> nodes, int n, int level, RegionScan s) {
    for (Node node : nodes) {
      if (node instanceof Block b) {
        scan(b.body, n + 1, level, s);
        if (b.hasElse()) {
          scan(b.elseBody, n + 1, level, s);
        }
        continue;
      }
      Op op = (Op) node;
      if (op.isLocal() && op.imm < scratchBase) {
        s.referenced.set(op.imm);
        if (op.opcode != Op.LOCAL_GET) {
          s.written.set(op.imm);
        }
      } else if (op.opcode == Op.BR || op.opcode == Op.BR_IF) {
        escape(op.imm, n, level, s);
      } else if (op.opcode == Op.BR_TABLE) {
        for (int l : op.labels) {
          escape(l, n, level, s);
        }
      } else if (op.opcode == Op.RETURN) {
        s.returns = true;
      }
    }
  }

  private static void escape(int depth, int n, int level, RegionScan s) {
    if (depth < n) {
      return;
    }
    int target = level - (depth - n);
    if (target == 0) {
      s.returns = true;
    } else {
      s.exitCodes.putIfAbsent(target, s.exitCodes.size() + 1);
    }
  }

  private void outline(List<Node> list, int start, int end, int level, boolean endsUnreachable) {
    List<Node> region = new ArrayList<>(list.subList(start, end));
    RegionScan s = new RegionScan();
    scan(region, 0, level, s);
    int returnCode = s.exitCodes.size() + 1;
    boolean coded = !s.exitCodes.isEmpty() || s.returns;
    int[] params = s.referenced.stream().toArray();
    int[] written = s.written.stream().toArray();
    byte[] results = fn.sig().results();

    // the new function: parameters, then its own exit-code and return-value locals
    int[] localMap = new int[scratchBase + 1 + results.length];
    byte[] paramTypes = new byte[params.length];
    for (int i = 0; i < params.length; i++) {
      localMap[params[i]] = i;
      paramTypes[i] = fn.localTypes()[params[i]];
    }
    int newCode = params.length;
    int[] newRets = new int[results.length];
    localMap[codeLocal] = newCode;
    for (int r = 0; r < results.length; r++) {
      newRets[r] = newCode + 1 + r;
      localMap[retLocals[r]] = newRets[r];
    }
    WasmWriter resultTypes = new WasmWriter();
    if (s.returns) {
      resultTypes.bytes(results);
    }
    for (int x : written) {
      resultTypes.u8(fn.localTypes()[x]);
    }
    if (coded) {
      resultTypes.u8(0x7F);
    }
    FuncSig sig = new FuncSig(paramTypes, resultTypes.toByteArray());

    WasmWriter body = new WasmWriter();
    byte[] scratchTypes = new byte[1 + results.length];
    scratchTypes[0] = 0x7F;
    System.arraycopy(results, 0, scratchTypes, 1, results.length);
    LocalDecls.write(scratchTypes, body);
    body.u8(Block.BLOCK);
    body.u8(0x40);
    BodyEncoder.region(region, localMap, level, s.exitCodes, returnCode, newCode, newRets, body);
    if (coded) {
      body.u8(Op.I32_CONST);
      body.u8(0);
      body.u8(Op.LOCAL_SET);
      body.u32(newCode);
    }
    body.u8(0x0B);
    if (s.returns) {
      for (int r : newRets) {
        body.u8(Op.LOCAL_GET);
        body.u32(r);
      }
    }
    for (int x : written) {
      body.u8(Op.LOCAL_GET);
      body.u32(localMap[x]);
    }
    if (coded) {
      body.u8(Op.LOCAL_GET);
      body.u32(newCode);
    }
    body.u8(0x0B);
    int index = sink.add(sig, body.toByteArray());

    List<Node> stub = new ArrayList<>();
    for (int p : params) {
      stub.add(Op.local(Op.LOCAL_GET, p));
    }
    stub.add(Op.call(index, params.length, sig.results().length));
    if (coded) {
      stub.add(Op.local(Op.LOCAL_SET, codeLocal));
    }
    for (int i = written.length - 1; i >= 0; i--) {
      stub.add(Op.local(Op.LOCAL_SET, written[i]));
    }
    if (s.returns) {
      for (int r = retLocals.length - 1; r >= 0; r--) {
        stub.add(Op.local(Op.LOCAL_SET, retLocals[r]));
      }
    }
    if (coded) {
      stub.add(dispatch(s, level, returnCode));
    }
    if (endsUnreachable) {
      stub.add(Op.simple(Op.UNREACHABLE, 0, 0));
    }
    glued.addAll(stub.subList(1, stub.size()));
    list.subList(start, end).clear();
    list.addAll(start, stub);
  }

  /** Branches on the exit code: 0 falls through, the others go where the region went. */
  private Block dispatch(RegionScan s, int level, int returnCode) {
    int inner = s.returns ? 2 : 1;
    // codes 0..returnCode, then the default (never taken): fall through
    int[] labels = new int[returnCode + 2];
    labels[0] = inner - 1;
    labels[returnCode + 1] = inner - 1;
    for (Map.Entry<Integer, Integer> e : s.exitCodes.entrySet()) {
      labels[e.getValue()] = level - e.getKey() + inner;
    }
    if (!s.returns) {
      labels[returnCode] = inner - 1;
      return Block.empty(
          new ArrayList<>(List.of(Op.local(Op.LOCAL_GET, codeLocal), Op.brTable(labels))));
    }
    labels[returnCode] = 0;
    List<Node> returnPath = new ArrayList<>();
    returnPath.add(
        Block.empty(new ArrayList<>(List.of(Op.local(Op.LOCAL_GET, codeLocal), Op.brTable(labels)))));
    for (int r : retLocals) {
      returnPath.add(Op.local(Op.LOCAL_GET, r));
    }
    returnPath.add(Op.simple(Op.RETURN, retLocals.length, 0));
    return Block.empty(returnPath);
  }

  /** The function with its regions replaced: scratch locals declared after its own. */
  byte[] encode() {
    WasmWriter w = new WasmWriter();
    byte[] declared = new byte[fn.localTypes().length - fn.sig().params().length + 1
        + retLocals.length];
    System.arraycopy(fn.localTypes(), fn.sig().params().length, declared, 0,
        fn.localTypes().length - fn.sig().params().length);
    int k = fn.localTypes().length - fn.sig().params().length;
    declared[k] = 0x7F;
    System.arraycopy(fn.sig().results(), 0, declared, k + 1, retLocals.length);
    LocalDecls.write(declared, w);
    BodyEncoder.copy(fn.body(), w);
    w.u8(0x0B);
    return w.toByteArray();
  }
}
