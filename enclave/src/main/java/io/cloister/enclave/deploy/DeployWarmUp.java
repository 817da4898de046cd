package io.cloister.enclave.deploy;

import io.cloister.engine.graalwasm.component.EngineChoice;
import io.cloister.wasi.WasiHost;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.util.Optional;

/**
 * Compiles, links and instantiates a tiny built-in component once when the enclave starts, in the
 * background, so that the first real deploy does not pay for loading and JIT-compiling the deploy
 * path (about 0.6 s of a first hello deploy on 2 cores, docs/benchmarks.md). It goes through its
 * own compiler without a code cache: nothing of it is kept, and no app's cache entry is made.
 */
public final class DeployWarmUp {
  private static final System.Logger LOG = System.getLogger(DeployWarmUp.class.getName());
  private static final String COMPONENT = "hello.component.wasm";

  private DeployWarmUp() {}

  /** Starts the warm-up on a low-priority daemon thread; it ends on its own. */
  public static Thread start(long maxMemoryBytes) {
    Thread t =
        Thread.ofPlatform()
            .name("deploy-warm-up")
            .daemon()
            .priority(Thread.MIN_PRIORITY)
            .unstarted(() -> run(maxMemoryBytes));
    t.start();
    return t;
  }

  /**
   * Runs the warm-up on this thread: whether the component went through. A failure is logged,
   * never thrown (it is only an aid).
   */
  static boolean run(long maxMemoryBytes) {
    try (InputStream in = DeployWarmUp.class.getResourceAsStream(COMPONENT)) {
      if (in == null) {
        LOG.log(Level.WARNING, "no " + COMPONENT + " in the enclave's jar: the first deploy is cold");
        return false;
      }
      byte[] bytes = in.readAllBytes();
      AppCompiler compiler =
          new AppCompiler(Optional.of(EngineChoice.CHICORY), maxMemoryBytes, Optional.empty(), w -> {});
      return compiler
          .compile(bytes, WasiHost.builder("warm-up").build(), "chicory", Optional.empty())
          .http()
          .isPresent();
    } catch (IOException | DeploymentException | RuntimeException e) {
      LOG.log(Level.WARNING, "the deploy warm-up failed (the first deploy is cold): " + e.getMessage());
      return false;
    }
  }
}
