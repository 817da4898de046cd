package io.cloister.bindgen.maven;

import java.io.File;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** Generates Java host bindings from the main WIT files, as main sources. */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public final class GenerateMojo extends AbstractGenerateMojo {

  /** The WIT root: its own .wit files form one package, each subdirectory another. */
  @Parameter(defaultValue = "${project.basedir}/src/main/wit")
  private File witDirectory;

  /** Where the bindings go; emptied before each run. */
  @Parameter(defaultValue = "${project.build.directory}/generated-sources/wit")
  private File outputDirectory;

  @Override
  File witDirectory() {
    return witDirectory;
  }

  @Override
  File outputDirectory() {
    return outputDirectory;
  }

  @Override
  void addSourceRoot(MavenProject project, String dir) {
    project.addCompileSourceRoot(dir);
  }
}
