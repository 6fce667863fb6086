package io.batchtrack.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void clean_text_is_returned_as_is() {
        String s = "Skipped 3 players; 'quoted' \"text\" -- DROP TABLE batch_runs;";
        assertThat(Text.clean(s, 2_000)).isSameAs(s);
    }

    @Test
    void nul_and_lone_surrogates_become_replacement_characters() {
        assertThat(Text.clean("a\u0000b", 100)).isEqualTo("a\uFFFDb");
        assertThat(Text.clean("x\uD800y", 100)).isEqualTo("x\uFFFDy");
        assertThat(Text.clean("x\uDC00", 100)).isEqualTo("x\uFFFD");
        assertThat(Text.clean("ok \uD83C\uDFC8", 100)).isEqualTo("ok \uD83C\uDFC8");
    }

    @Test
    void truncation_never_splits_a_surrogate_pair() {
        String football = "\uD83C\uDFC8";
        String cut = Text.clean("abc" + football + "def", 4);
        assertThat(cut).isEqualTo("abc… [truncated, 8 chars in all]");
    }
}
