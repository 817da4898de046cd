package io.cloister.bindgen.maven;

import io.cloister.bindgen.Bindgen;
import io.cloister.bindgen.java.GenerationException;
import io.cloister.bindgen.resolve.WitResolveException;
import io.cloister.bindgen.wit.WitParseException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** What both goals share: read a WIT root, regenerate the output, add it as a source root. */
abstract class AbstractGenerateMojo extends AbstractMojo {

  /** The Java package the generated packages go under ({@code <base>.<namespace>.<package>}). */
  @Parameter(property = "cloister.bindgen.basePackage", required = true)
  private String basePackage;

  /**
   * Unstable features to enable: items gated {@code @unstable(feature = x)} are skipped otherwise.
   */
  @Parameter private List<String> features = List.of();

  /** Skips generation. */
  @Parameter(property = "cloister.bindgen.skip", defaultValue = "false")
  private boolean skip;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  /** The WIT root to read. */
  abstract File witDirectory();

  /** The directory to (re)generate. */
  abstract File outputDirectory();

  /** Registers {@code dir} as a (test) compile source root of {@code project}. */
  abstract void addSourceRoot(MavenProject project, String dir);

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("cloister-bindgen: skipped");
      return;
    }
    Path wit = witDirectory().toPath();
    Path out = outputDirectory().toPath();
    if (!Files.isDirectory(wit)) {
      // A module without WIT files of this kind (often: no test WIT) has nothing to generate.
      getLog().info("cloister-bindgen: no WIT directory " + wit + "; nothing to generate");
      return;
    }
    try {
      List<Path> files = Bindgen.generateInto(List.of(wit), basePackage, Set.copyOf(features), out);
      getLog().info("cloister-bindgen: " + files.size() + " files from " + wit + " into " + out);
    } catch (WitParseException | WitResolveException | GenerationException e) {
      throw new MojoFailureException("cloister-bindgen: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new MojoExecutionException("cloister-bindgen: " + e.getMessage(), e);
    }
    addSourceRoot(project, out.toString());
  }
}
