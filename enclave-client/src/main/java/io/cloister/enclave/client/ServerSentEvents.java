package io.cloister.enclave.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.function.Consumer;

/** Reads a {@code text/event-stream} (the WHATWG format): each event's joined {@code data} lines. */
final class ServerSentEvents {
  /** Longest line accepted; a longer one ends the stream with an error. */
  static final int MAX_LINE = 1 << 20;

  private ServerSentEvents() {}

  /** Hands each event's data to {@code events} until the stream ends. */
  static void read(BufferedReader in, Consumer<String> events) throws IOException {
    StringBuilder data = new StringBuilder();
    boolean any = false;
    for (String line; (line = in.readLine()) != null; ) {
      if (line.length() > MAX_LINE) {
        throw new IOException("an event line of " + line.length() + " characters");
      }
      if (line.isEmpty()) {
        if (any) {
          events.accept(data.toString());
        }
        data.setLength(0);
        any = false;
      } else if (line.startsWith("data:")) {
        if (any) {
          data.append('\n');
        }
        data.append(line.startsWith("data: ") ? line.substring(6) : line.substring(5));
        any = true;
      }
      // id:, event:, retry: and comments need nothing here
    }
  }
}
