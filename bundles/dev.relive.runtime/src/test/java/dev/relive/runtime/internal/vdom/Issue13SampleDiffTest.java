package dev.relive.runtime.internal.vdom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The sample the runtime diffs ahead of its first socket goes through the differ's real cases. */
class Issue13SampleDiffTest {

    @Test
    void issue13TheSamplePatchesTurnTheFirstRenderIntoTheSecond() {
        List<Patch> patches = SampleDiff.patches();

        assertThat(HtmlWriter.writeInner(PatchApplier.apply(patches, HtmlParser.parse(SampleDiff.BEFORE))))
                .isEqualTo(HtmlWriter.writeInner(HtmlParser.parse(SampleDiff.AFTER)));
        // the form moves into its new container, the keyed rows move: nothing the user typed in is re-created
        assertThat(patches).hasAtLeastOneElementOfType(Patch.Reparent.class)
                .hasAtLeastOneElementOfType(Patch.Move.class).hasAtLeastOneElementOfType(Patch.Text.class)
                .hasAtLeastOneElementOfType(Patch.Attr.class).hasAtLeastOneElementOfType(Patch.Remove.class)
                .hasAtLeastOneElementOfType(Patch.Insert.class);
    }
}
