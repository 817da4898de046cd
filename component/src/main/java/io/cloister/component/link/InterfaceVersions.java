package io.cloister.component.link;

/**
 * Semver compatibility of versioned interface names ({@code wasi:cli/environment@0.2.3}): a name
 * matches another with the same package path and a compatible version. Versions are compatible
 * when they have the same major number and, for {@code 0.x}, the same minor number ({@code 0.2.0}
 * and {@code 0.2.12} match; {@code 0.2.0} and {@code 0.3.0} do not). A version with a prerelease
 * or build suffix ({@code 0.1.0-draft}) matches only itself, because prereleases promise nothing
 * about each other.
 */
public final class InterfaceVersions {
  private InterfaceVersions() {}

  /** Whether an import named {@code wanted} may be satisfied by a definition named {@code given}. */
  public static boolean compatible(String wanted, String given) {
    if (wanted.equals(given)) {
      return true;
    }
    int wa = wanted.lastIndexOf('@');
    int ga = given.lastIndexOf('@');
    if (wa < 0 || ga < 0 || !wanted.substring(0, wa).equals(given.substring(0, ga))) {
      return false;
    }
    int[] w = release(wanted.substring(wa + 1));
    int[] g = release(given.substring(ga + 1));
    if (w == null || g == null) {
      return false;
    }
    if (w[0] != g[0]) {
      return false;
    }
    if (w[0] == 0) {
      return w[1] == g[1] && (w[1] != 0 || w[2] == g[2]);
    }
    return true;
  }

  /** The base name without {@code @version}. */
  public static String unversioned(String name) {
    int at = name.lastIndexOf('@');
    return at < 0 ? name : name.substring(0, at);
  }

  /** major, minor, patch of a plain release version; null for prereleases or malformed ones. */
  private static int[] release(String v) {
    String[] parts = v.split("\\.", -1);
    if (parts.length != 3) {
      return null;
    }
    int[] out = new int[3];
    for (int i = 0; i < 3; i++) {
      if (parts[i].isEmpty() || parts[i].length() > 9 || !parts[i].chars().allMatch(Character::isDigit)) {
        return null;
      }
      out[i] = Integer.parseInt(parts[i]);
    }
    return out;
  }
}
