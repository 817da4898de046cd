package io.cloister.cli;

/** A command line that cannot be acted on: the message says which option and why. */
final class CliUsageException extends Exception {
  CliUsageException(String message) {
    super(message);
  }
}
