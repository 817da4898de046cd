package io.cloister.component.fuzz;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A seeded mutational fuzzer for the component decoder and what runs after it. Each input is a
 * fixture mutated by {@link Mutator} from a per-input seed derived from the run's seed; it runs in a
 * worker thread with a timeout and its allocations are counted. An exception that the target does
 * not declare as a typed rejection, a hang, an {@link OutOfMemoryError} or an input that allocates
 * more than the memory limit is a finding, saved with its seed under the findings folder.
 *
 * <p>Usage: {@code --minutes N | --iterations N, --seed S, --timeout-ms T, --max-alloc-mb M,
 * --fixtures DIR, --findings DIR, --reproduce INPUT_SEED}.
 */
public final class ComponentFuzzer {
  /** How much a hung worker may keep spinning before the run gives up (the JVM cannot kill it). */
  private static final int MAX_STUCK_WORKERS = 8;

  private final Config config;
  private final FuzzTarget target;
  private final List<Corpus.Entry> corpus;
  private final Mutator mutator;

  /** What to fuzz, for how long, and where findings go. */
  public record Config(
      long seed,
      Duration duration,
      long maxIterations,
      Duration timeout,
      long maxAllocatedBytes,
      Path fixtures,
      Path findings) {}

  /** One finding: the input's seed, the kind (crash, hang, oom, memory) and where it was saved. */
  public record Finding(long inputSeed, String kind, String summary, Path saved) {}

  /** The figures of one run. */
  public record Report(long iterations, long accepted, long rejected, List<Finding> findings, Duration elapsed) {
    @Override
    public String toString() {
      return String.format(
          "%d inputs in %ds (%d accepted, %d rejected with a typed error), %d findings",
          iterations, elapsed.toSeconds(), accepted, rejected, findings.size());
    }
  }

  public ComponentFuzzer(Config config, FuzzTarget target) {
    this.config = config;
    this.target = target;
    this.corpus = Corpus.load(config.fixtures());
    this.mutator = new Mutator(corpus.stream().map(Corpus.Entry::bytes).toList());
  }

  public static void main(String[] args) throws Exception {
    Args a = Args.parse(args);
    ComponentFuzzer fuzzer = new ComponentFuzzer(a.config(), new InstantiatingFuzzTarget());
    if (a.reproduce() != null) {
      Finding f = fuzzer.runOne(a.reproduce(), Executors.newSingleThreadExecutor(ComponentFuzzer::worker));
      System.out.println(f == null ? "no finding for input seed " + a.reproduce() : f.toString());
      System.exit(f == null ? 0 : 1);
    }
    Report report = fuzzer.run();
    System.out.println(report);
    report.findings().forEach(f -> System.out.println("  " + f.kind() + " " + f.saved() + ": " + f.summary()));
    System.exit(report.findings().isEmpty() ? 0 : 1);
  }

  /** Runs until the duration or the iteration count is reached, whichever comes first. */
  public Report run() {
    long start = System.nanoTime();
    long deadline = start + config.duration().toNanos();
    List<Finding> findings = new ArrayList<>();
    long iterations = 0;
    long rejected = 0;
    int stuck = 0;
    ExecutorService worker = Executors.newSingleThreadExecutor(ComponentFuzzer::worker);
    try {
      while (iterations < config.maxIterations() && System.nanoTime() < deadline && stuck < MAX_STUCK_WORKERS) {
        long inputSeed = inputSeed(config.seed(), iterations);
        iterations++;
        Outcome outcome = execute(inputSeed, worker);
        if (outcome.finding() != null) {
          findings.add(outcome.finding());
          if (outcome.finding().kind().equals("hang")) {
            // The hung thread keeps running; give the next inputs a fresh one.
            worker.shutdownNow();
            worker = Executors.newSingleThreadExecutor(ComponentFuzzer::worker);
            stuck++;
          }
        } else if (outcome.rejected()) {
          rejected++;
        }
      }
    } finally {
      worker.shutdownNow();
    }
    long accepted = iterations - rejected - findings.size();
    return new Report(iterations, accepted, rejected, List.copyOf(findings), Duration.ofNanos(System.nanoTime() - start));
  }

  /** Runs the input of one seed; returns its finding, or null. */
  Finding runOne(long inputSeed, ExecutorService worker) {
    try {
      return execute(inputSeed, worker).finding();
    } finally {
      worker.shutdownNow();
    }
  }

  private record Outcome(boolean rejected, Finding finding) {}

  private Outcome execute(long inputSeed, ExecutorService worker) {
    Random rnd = new Random(inputSeed);
    Corpus.Entry fixture = corpus.get(rnd.nextInt(corpus.size()));
    Mutator.Mutant mutant = mutator.mutate(fixture.bytes(), rnd);
    Future<Long> run =
        worker.submit(
            () -> {
              long before = allocatedBytes();
              target.accept(mutant.bytes());
              return allocatedBytes() - before;
            });
    try {
      long allocated = run.get(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
      if (allocated > config.maxAllocatedBytes()) {
        return new Outcome(false, save(inputSeed, "memory", fixture, mutant,
            "allocated " + allocated / (1024 * 1024) + " MiB for a " + mutant.bytes().length + "-byte input"));
      }
      return new Outcome(false, null);
    } catch (TimeoutException e) {
      run.cancel(true);
      return new Outcome(false, save(inputSeed, "hang", fixture, mutant,
          "no result after " + config.timeout().toMillis() + " ms"));
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (target.isTypedRejection(cause)) {
        return new Outcome(true, null);
      }
      String kind = cause instanceof OutOfMemoryError ? "oom" : "crash";
      return new Outcome(false, save(inputSeed, kind, fixture, mutant, cause.toString(), cause));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("fuzzer interrupted", e);
    }
  }

  private Finding save(long inputSeed, String kind, Corpus.Entry fixture, Mutator.Mutant mutant, String summary) {
    return save(inputSeed, kind, fixture, mutant, summary, null);
  }

  private Finding save(
      long inputSeed, String kind, Corpus.Entry fixture, Mutator.Mutant mutant, String summary, Throwable cause) {
    String base = kind + "-" + Long.toHexString(inputSeed);
    Path wasm = config.findings().resolve(base + ".wasm");
    StringBuilder report = new StringBuilder()
        .append("kind: ").append(kind).append('\n')
        .append("input seed: ").append(inputSeed).append(" (run seed ").append(config.seed()).append(")\n")
        .append("reproduce: --reproduce ").append(inputSeed).append('\n')
        .append("fixture: ").append(fixture.name()).append('\n')
        .append("summary: ").append(summary).append('\n')
        .append("mutations:\n");
    mutant.steps().forEach(s -> report.append("  ").append(s).append('\n'));
    if (cause != null) {
      StringWriter trace = new StringWriter();
      cause.printStackTrace(new PrintWriter(trace));
      report.append(trace);
    }
    try {
      Files.createDirectories(config.findings());
      Files.write(wasm, mutant.bytes());
      Files.writeString(config.findings().resolve(base + ".txt"), report, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save finding " + base, e);
    }
    return new Finding(inputSeed, kind, summary, wasm);
  }

  /** The seed of the {@code i}-th input of a run: a bijective mix, so inputs do not correlate. */
  static long inputSeed(long runSeed, long i) {
    long z = runSeed + (i + 1) * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getCurrentThreadAllocatedBytes();
  }

  private static Thread worker(Runnable r) {
    Thread t = new Thread(r, "fuzz-worker");
    t.setDaemon(true);
    return t;
  }

  /** The fuzzer's input corpus: the fixture components. */
  static final class Corpus {
    private Corpus() {}

    /** One fixture: its file name and bytes. */
    record Entry(String name, byte[] bytes) {}

    static List<Entry> load(Path dir) {
      try (Stream<Path> files = Files.list(dir)) {
        List<Entry> entries = new ArrayList<>();
        for (Path p : files.filter(p -> p.toString().endsWith(".wasm")).sorted().toList()) {
          entries.add(new Entry(p.getFileName().toString(), Files.readAllBytes(p)));
        }
        if (entries.isEmpty()) {
          throw new IllegalArgumentException("no .wasm fixtures in " + dir);
        }
        return List.copyOf(entries);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read fixtures from " + dir, e);
      }
    }
  }

  /** Command-line arguments. */
  record Args(Config config, Long reproduce) {
    static Args parse(String[] args) {
      long seed = System.nanoTime();
      Duration duration = Duration.ofMinutes(1);
      long iterations = Long.MAX_VALUE;
      Duration timeout = Duration.ofSeconds(10);
      long maxAlloc = 512L * 1024 * 1024;
      // Run from the project root (as exec:java does), the shared fixtures are in ../shared.
      Path fixtures = Path.of(System.getProperty("cloister.shared.dir", "../shared"), "fixtures", "components");
      Path findings = Path.of("target", "fuzz-findings");
      Long reproduce = null;
      boolean durationGiven = false;
      for (int i = 0; i < args.length; i++) {
        String value = i + 1 < args.length ? args[i + 1] : null;
        if (value == null) {
          throw new IllegalArgumentException("missing value after " + args[i]);
        }
        switch (args[i++]) {
          case "--minutes" -> {
            duration = Duration.ofSeconds(Math.round(Double.parseDouble(value) * 60));
            durationGiven = true;
          }
          case "--iterations" -> iterations = Long.parseLong(value);
          case "--seed" -> seed = Long.parseLong(value);
          case "--timeout-ms" -> timeout = Duration.ofMillis(Long.parseLong(value));
          case "--max-alloc-mb" -> maxAlloc = Long.parseLong(value) * 1024 * 1024;
          case "--fixtures" -> fixtures = Path.of(value);
          case "--findings" -> findings = Path.of(value);
          case "--reproduce" -> reproduce = Long.parseLong(value);
          default -> throw new IllegalArgumentException("unknown option " + args[i - 1]);
        }
      }
      if (!durationGiven && iterations != Long.MAX_VALUE) {
        duration = Duration.ofDays(1);
      }
      System.out.println("fuzzing with --seed " + seed);
      return new Args(new Config(seed, duration, iterations, timeout, maxAlloc, fixtures, findings), reproduce);
    }
  }
}
