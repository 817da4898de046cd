package io.cloister.wasi.cli;

/** {@code wasi:cli/exit}: ends the call with an {@link ExitException}. */
public final class ExitHost implements io.cloister.wasi.bindings.wasi.cli.Exit {

  /** {@code exit}: {@code ok} is status 0, {@code err} status 1. */
  public void exit(boolean ok) {
    throw new ExitException(ok ? 0 : 1);
  }

  @Override
  public void exit(io.cloister.component.bind.Result<Void, Void> status) {
    exit(status.isOk());
  }

  @Override
  public void exitWithCode(byte statusCode) {
    exitWithCode(statusCode & 0xff);
  }

  /** {@code exit-with-code}. */
  public void exitWithCode(int code) {
    throw new ExitException(code & 0xff);
  }
}
