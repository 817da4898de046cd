package io.cloister.component.outline;

import java.util.List;

/** A decoded function body: the types of all its locals (parameters first) and its tree. */
record FunctionBody(FuncSig sig, byte[] localTypes, List<Node> body) {}
