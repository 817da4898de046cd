package io.cloister.serve.route;

/** A mount that would clash with another app or a reserved path; nothing was changed. */
public final class MountRefusedException extends RuntimeException {
  private final String app;

  /** App {@code app} was not mounted, for {@code reason}. */
  public MountRefusedException(String app, String reason) {
    super("cannot mount app " + app + ": " + reason);
    this.app = app;
  }

  /** The name of the app that was refused. */
  public String app() {
    return app;
  }
}
