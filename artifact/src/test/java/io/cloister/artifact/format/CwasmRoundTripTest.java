package io.cloister.artifact.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloister.artifact.Artifact;
import io.cloister.artifact.Fixtures;
import io.cloister.artifact.compile.ArtifactCompiler;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the writer writes, the reader reads back, and the writer writes again byte for byte. */
class CwasmRoundTripTest {

  @ParameterizedTest
  @ValueSource(strings = {"adder.component.wasm", "records.component.wasm", "resources.component.wasm", "stdio.composed.wasm"})
  void aCompiledFixtureRoundTrips(String name) throws Exception {
    byte[] component = Fixtures.component(name);
    byte[] cwasm = ArtifactCompiler.compile(component);

    ParsedCwasm parsed = CwasmReader.read(cwasm, ReadLimits.DEFAULT);

    assertThat(parsed.content().component()).isEqualTo(component);
    assertThat(parsed.content().metadata()).isEqualTo(Artifact.read(component).metadata());
    assertThat(CwasmWriter.write(parsed.content())).isEqualTo(cwasm);
    assertThat(ArtifactCompiler.compile(cwasm)).as("compiling a .cwasm again").isEqualTo(cwasm);
  }

  @Test
  void theClassesSectionRoundTripsInItsCanonicalOrder() throws Exception {
    Cwasm base = CwasmReader.read(ArtifactCompiler.compile(Fixtures.component("adder.component.wasm")), ReadLimits.DEFAULT).content();
    PrecompiledClasses classes =
        new PrecompiledClasses(
            List.of(
                new ModuleClasses(3, List.of(new ClassFile("b.C", new byte[] {1, 2}), new ClassFile("a.B", new byte[] {3}))),
                new ModuleClasses(0, List.of(new ClassFile("z.Z", new byte[0])))));
    Cwasm with = new Cwasm(base.engineId(), base.component(), base.metadata(), classes);

    byte[] file = CwasmWriter.write(with);
    ParsedCwasm parsed = CwasmReader.read(file, ReadLimits.DEFAULT);

    assertThat(parsed.content()).isEqualTo(with);
    assertThat(parsed.content().classes().modules()).extracting(ModuleClasses::moduleIndex).containsExactly(0, 3);
    assertThat(parsed.content().classes().modules().get(1).classes()).extracting(ClassFile::name).containsExactly("a.B", "b.C");
    assertThat(parsed.sections().getLast().id()).isEqualTo(SectionId.CLASSES);
    assertThat(Artifact.read(file).precompiled()).isEqualTo(classes);
  }
}
