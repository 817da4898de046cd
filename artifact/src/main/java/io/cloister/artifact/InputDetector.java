package io.cloister.artifact;

import io.cloister.artifact.UnsupportedArtifactException.Refused;
import io.cloister.artifact.format.CwasmFormat;
import java.util.Arrays;
import java.util.HexFormat;

/** Tells an upload's kind from its first bytes, refusing what Cloister does not deploy. */
public final class InputDetector {
  private static final byte[] WASM = {0, 'a', 's', 'm'};
  private static final byte[] ELF = {0x7f, 'E', 'L', 'F'};
  private static final int SHOWN = 8;

  private InputDetector() {}

  /** The kind of {@code bytes}: a component or a Cloister {@code .cwasm}. */
  public static ArtifactKind detect(byte[] bytes) throws UnsupportedArtifactException {
    if (CwasmFormat.hasMagic(bytes)) {
      return ArtifactKind.CWASM;
    }
    if (startsWith(bytes, WASM) && bytes.length >= 8) {
      // the preamble's layer field (bytes 6 and 7): 0 for a core module, 1 for a component
      if (bytes[6] == 1 && bytes[7] == 0) {
        return ArtifactKind.COMPONENT;
      }
      if (bytes[6] == 0 && bytes[7] == 0) {
        throw new UnsupportedArtifactException(
            Refused.CORE_MODULE,
            "a core module, not a component: Cloister deploys components (make one with"
                + " `wasm-tools component new` or `jco componentize`), or a .cwasm made from one by"
                + " `cloister compile`");
      }
    }
    if (startsWith(bytes, ELF)) {
      throw new UnsupportedArtifactException(
          Refused.WASMTIME_PRECOMPILED,
          "an ELF file, as wasmtime writes its precompiled .cwasm: native code Cloister never runs;"
              + " upload the component .wasm, or a Cloister .cwasm made by `cloister compile`");
    }
    throw new UnsupportedArtifactException(
        Refused.UNKNOWN,
        bytes.length == 0
            ? "an empty file, not a WebAssembly component or a Cloister .cwasm"
            : "not a WebAssembly component or a Cloister .cwasm: it starts with 0x"
                + HexFormat.of().formatHex(bytes, 0, Math.min(SHOWN, bytes.length)));
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    return bytes.length >= prefix.length
        && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
  }
}
