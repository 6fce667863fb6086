package io.batchtrack.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolLinesTest {
    @TempDir
    Path dir;

    @Test
    void lines_across_blocks_come_back_whole_an_overlong_one_is_skipped_and_a_torn_tail_is_counted()
            throws Exception {
        String a = "a".repeat(SpoolLines.BLOCK - 3); // its newline and the next line straddle a block boundary
        String b = "b".repeat(10);
        String tooLong = "x".repeat(3 * SpoolLines.BLOCK);
        String c = "c";
        Path file = Files.writeString(dir.resolve("f"), a + "\n" + b + "\n" + tooLong + "\n" + c + "\n" + "torn");
        List<String> read = new ArrayList<>();
        List<Long> ends = new ArrayList<>();

        SpoolLines lines;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            lines = new SpoolLines(ch, 0, ch.size(), 2 * SpoolLines.BLOCK);
            for (SpoolLines.Line l; (l = lines.next()) != null; ) {
                read.add(l.tooLong() ? "<too long>" : l.text());
                ends.add(l.end());
            }
        }

        assertThat(read).containsExactly(a, b, "<too long>", c);
        assertThat(ends.get(1)).isEqualTo(a.length() + 1 + b.length() + 1);
        assertThat(lines.trailing()).isEqualTo(4);
    }
}
