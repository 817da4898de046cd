package io.cloister.wasi.filesystem;

import io.cloister.wasi.link.Denials;
import io.cloister.wasi.link.Handles;
import io.cloister.wasi.link.HostDefinitions;
import io.cloister.wasi.link.Results;
import java.util.List;

/**
 * {@code wasi:filesystem}, denied: there are no preopened directories, so a guest never holds a
 * descriptor; every descriptor operation answers {@code error-code.access}.
 */
public final class FilesystemLink {
  /** {@code wasi:filesystem/types}. */
  public static final String TYPES = "wasi:filesystem/types@0.2.0";

  /** {@code wasi:filesystem/preopens}. */
  public static final String PREOPENS = "wasi:filesystem/preopens@0.2.0";

  /** The {@code access} case of {@code error-code}. */
  static final int ACCESS = 0;

  private FilesystemLink() {}

  /** Defines both interfaces. */
  public static void register(HostDefinitions defs, Handles handles) {
    defs.resource(TYPES, "descriptor", handles.dropper(Object.class));
    defs.resource(TYPES, "directory-entry-stream", handles.dropper(Object.class));
    String d = "[method]descriptor.";
    new Denials(defs, TYPES)
        .deny(
            ACCESS,
            List.of(
                d + "read-via-stream",
                d + "write-via-stream",
                d + "append-via-stream",
                d + "advise",
                d + "sync-data",
                d + "get-flags",
                d + "get-type",
                d + "set-size",
                d + "set-times",
                d + "read",
                d + "write",
                d + "read-directory",
                d + "sync",
                d + "create-directory-at",
                d + "stat",
                d + "stat-at",
                d + "set-times-at",
                d + "link-at",
                d + "open-at",
                d + "readlink-at",
                d + "remove-directory-at",
                d + "rename-at",
                d + "symlink-at",
                d + "unlink-file-at",
                d + "metadata-hash",
                d + "metadata-hash-at",
                "[method]directory-entry-stream.read-directory-entry"))
        .unreachable(List.of(d + "is-same-object"));
    defs.function(TYPES, "filesystem-error-code", a -> Results.one(Results.none()));
    defs.function(PREOPENS, "get-directories", a -> Results.one(Results.list(List.of())));
  }
}
