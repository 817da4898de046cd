package io.cloister.component.outline;

import java.util.List;

/**
 * A decoded function body: the types of all its locals (parameters first) and its instructions as
 * a tree. {@code scratchBase} is the first local added by the outliner for its own bookkeeping.
 */
record FunctionBody(FuncSig sig, byte[] localTypes, List<Node> body) {}
