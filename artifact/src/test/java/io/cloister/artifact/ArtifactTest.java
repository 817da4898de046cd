package io.cloister.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cloister.artifact.UnsupportedArtifactException.Refused;
import io.cloister.artifact.compile.ArtifactCompiler;
import io.cloister.artifact.compile.EngineId;
import io.cloister.artifact.format.Cwasm;
import io.cloister.artifact.format.CwasmReader;
import io.cloister.artifact.format.CwasmWriter;
import io.cloister.artifact.format.ParsedCwasm;
import io.cloister.artifact.format.PrecompiledClasses;
import io.cloister.artifact.format.ReadLimits;
import io.cloister.artifact.format.SectionId;
import io.cloister.artifact.meta.FunctionItem;
import io.cloister.artifact.meta.Metadata;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading uploads: what each kind yields, and what is refused with which error. */
class ArtifactTest {
  @TempDir Path dir;

  @Test
  void aRawComponentIsItsOwnCodeHash() throws Exception {
    byte[] adder = Fixtures.component("adder.component.wasm");

    Artifact a = Artifact.read(adder);

    assertThat(a.kind()).isEqualTo(ArtifactKind.COMPONENT);
    assertThat(a.codeHash()).isEqualTo(CodeHash.of(adder)).isEqualTo(a.componentHash());
    assertThat(a.componentBytes()).isEqualTo(adder);
    assertThat(a.engineId()).isEmpty();
    assertThat(a.metadataMatches()).isTrue();
    assertThat(a.metadata().exports())
        .containsExactly(new FunctionItem("docs:adder/add@0.1.0#add", "func(x: u32, y: u32) -> u32"));
    assertThat(a.metadata().wit()).contains("export docs:adder/add@0.1.0;");
  }

  @Test
  void aCwasmIsHashedAsDeployedAndCarriesTheSameComponent() throws Exception {
    byte[] hello = Fixtures.http("hello.component.wasm");
    byte[] cwasm = ArtifactCompiler.compile(hello);

    Artifact a = Artifact.read(new ByteArrayInputStream(cwasm), cwasm.length);

    assertThat(a.kind()).isEqualTo(ArtifactKind.CWASM);
    assertThat(a.codeHash()).isEqualTo(CodeHash.of(cwasm)).isNotEqualTo(a.componentHash());
    assertThat(a.componentHash()).isEqualTo(CodeHash.of(hello));
    assertThat(a.componentBytes()).isEqualTo(hello);
    assertThat(a.engineId()).contains(EngineId.CHICORY.text());
    assertThat(a.metadata()).isEqualTo(Artifact.read(hello).metadata());
    assertThat(a.metadata().exports())
        .extracting(FunctionItem::name)
        .contains("wasi:http/incoming-handler@0.2.12#handle");
  }

  @Test
  void aCoreModuleIsRefusedAsOne() {
    byte[] core = {0, 'a', 's', 'm', 1, 0, 0, 0};

    UnsupportedArtifactException e = catchThrowableOfType(UnsupportedArtifactException.class, () -> Artifact.read(core));

    assertThat(e.kind()).isEqualTo(Refused.CORE_MODULE);
    assertThat(e.getMessage()).startsWith("a core module, not a component: ");
  }

  @Test
  void aWasmtimeElfIsRefusedSayingWhatToUploadInstead() {
    byte[] elf = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0};

    UnsupportedArtifactException e = catchThrowableOfType(UnsupportedArtifactException.class, () -> Artifact.read(elf));

    assertThat(e.kind()).isEqualTo(Refused.WASMTIME_PRECOMPILED);
    assertThat(e.getMessage())
        .contains("wasmtime")
        .contains("upload the component .wasm")
        .contains("`cloister compile`");
  }

  @Test
  void anythingElseIsRefusedNamingItsFirstBytes() {
    byte[] html = "<html><body>".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    UnsupportedArtifactException e = catchThrowableOfType(UnsupportedArtifactException.class, () -> Artifact.read(html));
    UnsupportedArtifactException empty = catchThrowableOfType(UnsupportedArtifactException.class, () -> Artifact.read(new byte[0]));

    assertThat(e.kind()).isEqualTo(Refused.UNKNOWN);
    assertThat(e.getMessage()).endsWith("it starts with 0x3c68746d6c3e3c62");
    assertThat(empty.getMessage()).startsWith("an empty file");
  }

  @Test
  void aStreamLongerThanItsCapIsRefusedWithoutReadingItAll() throws Exception {
    byte[] adder = Fixtures.component("adder.component.wasm");
    ByteArrayInputStream in = new ByteArrayInputStream(adder);

    ArtifactFormatException e =
        catchThrowableOfType(ArtifactFormatException.class, () -> Artifact.read(in, 1000));

    assertThat(e.offset()).isEqualTo(1000);
    assertThat(e.expected()).isEqualTo("a file of at most 1000 bytes, not more");
    assertThat(in.available()).isEqualTo(adder.length - 1001);
  }

  @Test
  void aPathIsReadAsItsBytes() throws Exception {
    Path file = Files.write(dir.resolve("adder.wasm"), Fixtures.component("adder.component.wasm"));

    assertThat(Artifact.read(file)).isEqualTo(Artifact.read(Files.readAllBytes(file)));
  }

  @Test
  void aTruncatedComponentIsRefusedAtItsOffset() {
    byte[] adder = Fixtures.component("adder.component.wasm");
    byte[] half = java.util.Arrays.copyOf(adder, adder.length / 2);

    ArtifactFormatException e = catchThrowableOfType(ArtifactFormatException.class, () -> Artifact.read(half));

    assertThat(e.expected()).startsWith("a valid component: ");
    assertThat(e.offset()).isBetween(8L, (long) half.length);
  }

  @Test
  void aBrokenComponentInsideACwasmIsRefusedAtItsOffsetInTheFile() throws Exception {
    byte[] cwasm = ArtifactCompiler.compile(Fixtures.component("adder.component.wasm"));
    ParsedCwasm parsed = CwasmReader.read(cwasm, ReadLimits.DEFAULT);
    long componentAt = parsed.section(SectionId.COMPONENT).orElseThrow().offset();
    byte[] broken = cwasm.clone();
    broken[(int) componentAt + 4] = 0x0e; // the component's version byte

    ArtifactFormatException e = catchThrowableOfType(ArtifactFormatException.class, () -> Artifact.read(broken));

    assertThat(e.offset()).isEqualTo(componentAt + 4);
    assertThat(e.expected()).startsWith("a valid component: ");
  }

  @Test
  void metadataThatDisagreesWithTheComponentIsReportedAndNotUsed() throws Exception {
    byte[] adder = Fixtures.component("adder.component.wasm");
    Metadata real = Artifact.read(adder).metadata();
    List<FunctionItem> lying = new ArrayList<>(real.exports());
    lying.add(new FunctionItem("steal", "func() -> string"));
    byte[] cwasm =
        CwasmWriter.write(
            new Cwasm(EngineId.CHICORY.text(), adder, new Metadata(real.wit(), real.imports(), lying), PrecompiledClasses.NONE));

    Artifact a = Artifact.read(cwasm);

    assertThat(a.metadataMatches()).isFalse();
    assertThat(a.metadata()).isEqualTo(real);
    assertThat(Artifact.read(ArtifactCompiler.compile(adder)).metadataMatches()).isTrue();
  }
}
