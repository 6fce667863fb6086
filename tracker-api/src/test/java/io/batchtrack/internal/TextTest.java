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

    @Test
    void text_cut_once_is_left_alone_when_cut_again_to_the_same_limit() {
        String once = Text.clean("y".repeat(5_000) + "\u0000", 2_000);
        String pair = Text.clean("abc" + "\uD83C\uDFC8" + "def", 4);

        assertThat(Text.clean(once, 2_000)).isSameAs(once);
        assertThat(Text.clean(pair, 4)).isSameAs(pair);
        String mark = "… [truncated, " + once.length() + " chars in all]";
        assertThat(Text.clean(once, 1_000)).as("a tighter limit still cuts").hasSize(1_000 + mark.length()).endsWith(mark);
        String lookalike = "z".repeat(10) + "… [truncated, 3 chars in all]";
        assertThat(Text.clean(lookalike, 10)).as("a mark that cannot be ours").endsWith("[truncated, 39 chars in all]");
    }
}
