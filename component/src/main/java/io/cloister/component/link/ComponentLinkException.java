package io.cloister.component.link;

import java.util.List;

/**
 * A component cannot be instantiated with what a {@link Linker} provides: imports that are missing
 * or whose provided type does not fit. Lists every problem at once.
 */
public final class ComponentLinkException extends Exception {
  private static final long serialVersionUID = 1L;
  private final List<String> problems;

  /** A failure with one line per unsatisfied import. */
  public ComponentLinkException(List<String> problems) {
    super(
        problems.size() + " import(s) cannot be satisfied:\n  " + String.join("\n  ", problems));
    this.problems = List.copyOf(problems);
  }

  /** One line per unsatisfied import. */
  public List<String> problems() {
    return problems;
  }
}
