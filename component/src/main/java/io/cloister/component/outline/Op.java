package io.cloister.component.outline;

/**
 * A non-structured instruction: its opcode, the immediates the outliner may rewrite (a local index,
 * a label depth, a function index, branch table targets), its stack effect and its encoded bytes.
 */
final class Op implements Node {
  static final int UNREACHABLE = 0x00;
  static final int BR = 0x0C;
  static final int BR_IF = 0x0D;
  static final int BR_TABLE = 0x0E;
  static final int RETURN = 0x0F;
  static final int CALL = 0x10;
  static final int LOCAL_GET = 0x20;
  static final int LOCAL_SET = 0x21;
  static final int LOCAL_TEE = 0x22;
  static final int I32_CONST = 0x41;

  final int opcode;
  final int imm;
  final int[] labels;
  private final int pop;
  private final int push;
  private final byte[] src;
  private final int start;
  private final int end;

  Op(int opcode, int imm, int[] labels, int pop, int push, byte[] src, int start, int end) {
    this.opcode = opcode;
    this.imm = imm;
    this.labels = labels;
    this.pop = pop;
    this.push = push;
    this.src = src;
    this.start = start;
    this.end = end;
  }

  static Op local(int opcode, int index) {
    return synthetic(opcode, index, null, opcode == LOCAL_GET ? 0 : 1, opcode == LOCAL_SET ? 0 : 1);
  }

  static Op br(int depth) {
    return synthetic(BR, depth, null, 0, 0);
  }

  static Op brTable(int[] labels) {
    return synthetic(BR_TABLE, 0, labels, 1, 0);
  }

  static Op call(int function, int params, int results) {
    return synthetic(CALL, function, null, params, results);
  }

  static Op simple(int opcode, int pop, int push) {
    return synthetic(opcode, 0, null, pop, push);
  }

  private static Op synthetic(int opcode, int imm, int[] labels, int pop, int push) {
    Op shape = new Op(opcode, imm, labels, pop, push, null, 0, 0);
    WasmWriter w = new WasmWriter();
    shape.encodeAs(w, imm, labels);
    byte[] bytes = w.toByteArray();
    return new Op(opcode, imm, labels, pop, push, bytes, 0, bytes.length);
  }

  boolean isLocal() {
    return opcode == LOCAL_GET || opcode == LOCAL_SET || opcode == LOCAL_TEE;
  }

  boolean isBranch() {
    return opcode == BR || opcode == BR_IF || opcode == BR_TABLE;
  }

  /** True when the code after this instruction (up to the frame's end) is unreachable. */
  boolean terminal() {
    return opcode == UNREACHABLE || opcode == BR || opcode == BR_TABLE || opcode == RETURN;
  }

  @Override
  public int size() {
    return end - start;
  }

  @Override
  public int pop() {
    return pop;
  }

  @Override
  public int push() {
    return push;
  }

  /** Writes this instruction unchanged. */
  void copyTo(WasmWriter w) {
    w.bytes(src, start, end - start);
  }

  /** Writes this instruction with its index immediate or branch targets replaced. */
  void encodeAs(WasmWriter w, int newImm, int[] newLabels) {
    switch (opcode) {
      case LOCAL_GET, LOCAL_SET, LOCAL_TEE, BR, BR_IF, CALL -> {
        w.u8(opcode);
        w.u32(newImm);
      }
      case BR_TABLE -> {
        w.u8(opcode);
        w.u32(newLabels.length - 1);
        for (int l : newLabels) {
          w.u32(l);
        }
      }
      case I32_CONST -> {
        w.u8(opcode);
        w.s32(newImm);
      }
      default -> w.u8(opcode);
    }
  }

  static Op i32Const(int value) {
    return synthetic(I32_CONST, value, null, 0, 1);
  }
}
