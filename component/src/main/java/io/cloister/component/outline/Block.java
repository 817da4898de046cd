package io.cloister.component.outline;

import java.util.List;

/** A structured instruction ({@code block}, {@code loop} or {@code if}) with its nested bodies. */
final class Block implements Node {
  static final int BLOCK = 0x02;
  static final int LOOP = 0x03;
  static final int IF = 0x04;
  private static final byte[] EMPTY_BLOCK = {BLOCK, 0x40};

  final int kind;
  final int params;
  final int results;
  final List<Node> body;
  final List<Node> elseBody;
  private final byte[] src;
  private final int headStart;
  private final int headEnd;

  Block(
      int kind,
      int params,
      int results,
      List<Node> body,
      List<Node> elseBody,
      byte[] src,
      int headStart,
      int headEnd) {
    this.kind = kind;
    this.params = params;
    this.results = results;
    this.body = body;
    this.elseBody = elseBody;
    this.src = src;
    this.headStart = headStart;
    this.headEnd = headEnd;
  }

  /** A {@code block} with no parameters and no results around {@code body}. */
  static Block empty(List<Node> body) {
    return new Block(BLOCK, 0, 0, body, null, EMPTY_BLOCK, 0, 2);
  }

  /** True for an {@code if} with a non-empty {@code else} (an empty one is not written back). */
  boolean hasElse() {
    return elseBody != null && !elseBody.isEmpty();
  }

  /** How many values a branch to this block's label carries. */
  int labelArity() {
    return kind == LOOP ? params : results;
  }

  int headSize() {
    return headEnd - headStart;
  }

  /** Writes the opcode and block type. */
  void copyHead(WasmWriter w) {
    w.bytes(src, headStart, headEnd - headStart);
  }

  @Override
  public int size() {
    int s = headEnd - headStart + 1;
    for (Node n : body) {
      s += n.size();
    }
    if (hasElse()) {
      s++;
      for (Node n : elseBody) {
        s += n.size();
      }
    }
    return s;
  }

  @Override
  public int pop() {
    return params + (kind == IF ? 1 : 0);
  }

  @Override
  public int push() {
    return results;
  }
}
