package io.cloister.wasi.cli;

/** {@code wasi:cli/exit}: ends the call with an {@link ExitException}. */
public final class ExitHost {

  /** {@code exit}: {@code ok} is status 0, {@code err} status 1. */
  public void exit(boolean ok) {
    throw new ExitException(ok ? 0 : 1);
  }

  /** {@code exit-with-code}. */
  public void exitWithCode(int code) {
    throw new ExitException(code & 0xff);
  }
}
