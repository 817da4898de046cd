package io.cloister.bindgen.java;

/**
 * A generated Java source file.
 *
 * @param path its path under the output directory, with '/' separators ({@code a/b/C.java})
 * @param content its text
 */
public record JavaFile(String path, String content) {}
