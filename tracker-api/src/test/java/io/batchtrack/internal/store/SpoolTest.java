package io.batchtrack.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.batchtrack.BatchModes;
import io.batchtrack.BatchTypes;
import io.batchtrack.Period;
import io.batchtrack.RunSpec;
import io.batchtrack.RunStatus;
import io.batchtrack.SeasonType;
import io.batchtrack.Trigger;
import io.batchtrack.Warning;
import io.batchtrack.internal.store.SpoolEntry.Op;
import io.batchtrack.spi.RunFailure;
import io.batchtrack.spi.RunRecord;
import io.batchtrack.spi.StoreUnavailableException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolTest {
    private static final String DESTINATION = "jdbc:postgresql://db:5432/nfl#public";
    private static final RunSpec SPEC = new RunSpec(BatchTypes.WEEKLY_UPDATE, BatchModes.FULL, Period.regular(2025, 17),
            Trigger.MANUAL, true);
    private static final Instant T = Instant.parse("2025-12-30T15:00:00Z");

    @TempDir
    Path dir;

    @Test
    void a_record_survives_the_round_trip_field_for_field_however_hostile_its_text() {
        String hostile = "'; DROP TABLE batch_runs; -- \" \\ \n\r\t \u2028 {\"x\": [1]} \uD83C\uDFC8 \u0001";
        RunRecord r = new RunRecord(UUID.randomUUID(), UUID.randomUUID(), SPEC, RunStatus.FAILED, T, T.plusMillis(1_500),
                Map.of("games_processed", 16L, "box_scores", 3L), List.of(new Warning("game_logs", hostile, T)), 4, 7,
                new RunFailure("java.lang.IllegalStateException", hostile, "at x\n\tat y"), "42@host", Duration.ofSeconds(90), "4bf92f3577b34da6a3ce929d0e0e4736");

        SpoolEntry back = SpoolEntry.decode(new SpoolEntry(Op.FINISH, r).encode());

        assertThat(back.op()).isEqualTo(Op.FINISH);
        assertThat(back.record()).isEqualTo(r);
        assertThat(new SpoolEntry(Op.FINISH, r).encode()).doesNotContain("\n");
    }

    /** Lines exactly as the spool wrote them before RunRecordJson (SpoolCodec, schema version 2). */
    static final String FINISH_LINE_OF_0_1 = "{\"op\":\"finish\",\"run\":{\"id\":\"01900000-0000-7000-8000-00000000000a\",\"parent_run_id\":\"01900000-0000-7000-8000-000000000001\",\"batch_type\":\"weekly_update\",\"batch_mode\":\"full\",\"season_year\":2025,\"week\":17,\"season_type\":\"reg\",\"triggered_by\":\"manual\",\"exclusive\":true,\"status\":\"failed\",\"started_at\":\"2025-12-30T15:00:00Z\",\"completed_at\":\"2025-12-30T15:00:01.500Z\",\"metrics\":{\"box_scores\":3,\"games_processed\":16},\"warnings\":[{\"stage\":\"game_logs\",\"message\":\"tab\\there \\\"quoted\\\" \\u2028 🏈\",\"at\":\"2025-12-30T15:00:00.010Z\"}],\"warnings_dropped\":4,\"custom_metrics_dropped\":7,\"error_type\":\"java.lang.IllegalStateException\",\"error_message\":\"boom\\nline two\",\"error_stack\":\"java.lang.IllegalStateException: boom\\n\\tat x.y(Z.java:1)\\n\",\"host\":\"42@host\",\"stale_limit_ms\":90000}}";
    static final String START_LINE_OF_0_1 = "{\"op\":\"start\",\"run\":{\"id\":\"01900000-0000-7000-8000-00000000000b\",\"parent_run_id\":null,\"batch_type\":\"roster_refresh\",\"batch_mode\":null,\"season_year\":2024,\"week\":2,\"season_type\":\"post\",\"triggered_by\":null,\"exclusive\":false,\"status\":\"running\",\"started_at\":\"2025-12-30T15:00:00Z\",\"completed_at\":null,\"metrics\":{},\"warnings\":[],\"warnings_dropped\":0,\"custom_metrics_dropped\":0,\"error_type\":null,\"error_message\":null,\"error_stack\":null,\"host\":\"7@box\",\"stale_limit_ms\":null}}";

    @Test
    void lines_written_by_the_earlier_spool_codec_still_read_field_for_field() {
        SpoolEntry finish = SpoolEntry.decode(FINISH_LINE_OF_0_1);
        SpoolEntry start = SpoolEntry.decode(START_LINE_OF_0_1);

        RunRecord f = finish.record();
        assertThat(finish.op()).isEqualTo(Op.FINISH);
        assertThat(f.id()).isEqualTo(UUID.fromString("01900000-0000-7000-8000-00000000000a"));
        assertThat(f.parentId()).isEqualTo(UUID.fromString("01900000-0000-7000-8000-000000000001"));
        assertThat(f.spec()).isEqualTo(SPEC);
        assertThat(f.status()).isEqualTo(RunStatus.FAILED);
        assertThat(f.startedAt()).isEqualTo(T);
        assertThat(f.finishedAt()).isEqualTo(T.plusMillis(1_500));
        assertThat(f.metrics()).isEqualTo(Map.of("games_processed", 16L, "box_scores", 3L));
        assertThat(f.warnings()).containsExactly(new Warning("game_logs", "tab\there \"quoted\" \u2028 \uD83C\uDFC8",
                T.plusMillis(10)));
        assertThat(f.warningsDropped()).isEqualTo(4);
        assertThat(f.customMetricsDropped()).isEqualTo(7);
        assertThat(f.failure()).isEqualTo(new RunFailure("java.lang.IllegalStateException", "boom\nline two",
                "java.lang.IllegalStateException: boom\n\tat x.y(Z.java:1)\n"));
        assertThat(f.host()).isEqualTo("42@host");
        assertThat(f.staleLimit()).isEqualTo(Duration.ofSeconds(90));
        assertThat(new SpoolEntry(Op.FINISH, f).encode()).as("today's codec writes the same line").isEqualTo(FINISH_LINE_OF_0_1);

        RunRecord s = start.record();
        assertThat(start.op()).isEqualTo(Op.START);
        assertThat(s.spec()).isEqualTo(new RunSpec(BatchTypes.ROSTER_REFRESH, null, Period.of(2024, 2, SeasonType.POST),
                null, false));
        assertThat(s.parentId()).isNull();
        assertThat(s.finishedAt()).isNull();
        assertThat(s.failure()).isNull();
        assertThat(s.staleLimit()).isNull();
        assertThat(new SpoolEntry(Op.START, s).encode()).isEqualTo(START_LINE_OF_0_1);
    }

    @Test
    void a_spool_file_left_by_the_earlier_version_is_replayed() throws Exception {
        Path left = dir.resolve(Spool.hash(DESTINATION) + "-1-abc.spool");
        Files.writeString(left, "{\"batchtrack_spool\":1,\"destination\":\"" + DESTINATION + "\",\"pid\":1}\n"
                + START_LINE_OF_0_1 + "\n" + FINISH_LINE_OF_0_1 + "\n");
        Spool spool = Spool.in(dir, DESTINATION, 1 << 20);
        List<SpoolEntry> delivered = new ArrayList<>();

        Spool.Replay replay = spool.replay(delivered::add, true, true);

        assertThat(replay).isEqualTo(new Spool.Replay(2, 0, true));
        assertThat(delivered).extracting(SpoolEntry::op).containsExactly(Op.START, Op.FINISH);
        assertThat(files()).isEmpty();
        spool.close();
    }

    @Test
    void records_come_back_in_the_order_they_were_spooled_and_the_emptied_file_is_removed() {
        Spool spool = Spool.in(dir, DESTINATION, 1 << 20);
        List<RunRecord> written = List.of(record(1), record(2), record(3));
        for (RunRecord r : written) {
            assertThat(spool.append(Op.START, r)).isTrue();
        }
        List<UUID> delivered = new ArrayList<>();

        Spool.Replay replay = spool.replay(e -> delivered.add(e.record().id()), true, true);

        assertThat(replay).isEqualTo(new Spool.Replay(3, 0, true));
        assertThat(delivered).containsExactly(written.get(0).id(), written.get(1).id(), written.get(2).id());
        assertThat(spool.hasPending()).isFalse();
        assertThat(files()).isEmpty();
        spool.close();
    }

    @Test
    void a_replay_that_meets_an_unreachable_store_stops_there_and_resumes_there() {
        Spool spool = Spool.in(dir, DESTINATION, 1 << 20);
        for (int i = 1; i <= 3; i++) {
            spool.append(Op.START, record(i));
        }
        List<Long> delivered = new ArrayList<>();
        int[] calls = new int[1];

        Spool.Replay first = spool.replay(e -> {
            if (++calls[0] == 2) {
                throw new StoreUnavailableException("down", null);
            }
            delivered.add(e.record().metric("n"));
        }, true, true);
        Spool.Replay second = spool.replay(e -> delivered.add(e.record().metric("n")), true, true);

        assertThat(first.complete()).isFalse();
        assertThat(second).isEqualTo(new Spool.Replay(2, 0, true));
        assertThat(delivered).containsExactly(1L, 2L, 3L);
        spool.close();
    }

    @Test
    void a_record_the_store_rejects_is_dropped_so_that_it_never_blocks_the_rest() {
        Spool spool = Spool.in(dir, DESTINATION, 1 << 20);
        for (int i = 1; i <= 3; i++) {
            spool.append(Op.FINISH, record(i));
        }
        List<Long> delivered = new ArrayList<>();

        Spool.Replay replay = spool.replay(e -> {
            if (e.record().metric("n") == 2) {
                throw new IllegalArgumentException("violates a check constraint");
            }
            delivered.add(e.record().metric("n"));
        }, true, true);

        assertThat(replay).isEqualTo(new Spool.Replay(2, 1, true));
        assertThat(delivered).containsExactly(1L, 3L);
        spool.close();
    }

    @Test
    void what_a_closed_engine_left_is_replayed_by_the_next_one_and_removed() {
        Spool ended = Spool.in(dir, DESTINATION, 1 << 20);
        ended.append(Op.START, record(1));
        ended.append(Op.FINISH, record(1));
        ended.close();
        assertThat(files()).hasSize(1);
        Spool next = Spool.in(dir, DESTINATION, 1 << 20);
        List<Op> delivered = new ArrayList<>();

        Spool.Replay replay = next.replay(e -> delivered.add(e.op()), false, true);

        assertThat(replay).isEqualTo(new Spool.Replay(2, 0, true));
        assertThat(delivered).containsExactly(Op.START, Op.FINISH);
        assertThat(files()).isEmpty();
    }

    @Test
    void a_file_that_a_live_engine_writes_and_a_file_for_another_destination_are_left_alone() {
        Spool live = Spool.in(dir, DESTINATION, 1 << 20);
        live.append(Op.START, record(1));
        Spool other = Spool.in(dir, "jdbc:postgresql://elsewhere:5432/nfl#public", 1 << 20);
        other.append(Op.START, record(2));
        other.close();
        Spool next = Spool.in(dir, DESTINATION, 1 << 20);
        List<UUID> delivered = new ArrayList<>();

        next.replay(e -> delivered.add(e.record().id()), false, true);

        assertThat(delivered).isEmpty();
        assertThat(files()).hasSize(2);
        live.close();
    }

    @Test
    void an_incomplete_last_line_of_a_process_that_died_while_writing_is_dropped_and_the_rest_replayed()
            throws Exception {
        Spool ended = Spool.in(dir, DESTINATION, 1 << 20);
        ended.append(Op.START, record(1));
        ended.close();
        Files.writeString(files().get(0), "{\"op\":\"finish\",\"run\":{\"id\":\"01", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        List<UUID> delivered = new ArrayList<>();

        Spool.Replay replay = Spool.in(dir, DESTINATION, 1 << 20).replay(e -> delivered.add(e.record().id()), false, true);

        assertThat(replay).isEqualTo(new Spool.Replay(1, 0, true));
        assertThat(files()).isEmpty();
    }

    @Test
    void a_full_spool_refuses_further_records_and_counts_them_lost() {
        Spool spool = Spool.in(dir, DESTINATION, 1_000);

        boolean first = spool.append(Op.START, record(1));
        boolean second = spool.append(Op.START, record(2));
        boolean third = spool.append(Op.START, record(3));

        assertThat(first).isTrue();
        assertThat(second && third).isFalse();
        assertThat(spool.lost()).isPositive();
        spool.close();
    }

    @Test
    void a_write_torn_by_a_full_disk_leaves_the_next_record_whole_on_replay() {
        FailingChannel.Fault fault = new FailingChannel.Fault();
        Spool spool = Spool.in(dir, DESTINATION, 1 << 20, FailingChannel.opener(fault));
        RunRecord first = record(1);
        RunRecord torn = record(2);
        RunRecord next = record(3);
        assertThat(spool.append(Op.START, first)).isTrue();

        fault.failAfter(40); // 40 bytes of the record reach the file, then the disk is full
        boolean tornKept = spool.append(Op.FINISH, torn);
        fault.heal();
        boolean nextKept = spool.append(Op.FINISH, next);
        spool.close();
        List<UUID> delivered = new ArrayList<>();
        Spool.Replay replay = Spool.in(dir, DESTINATION, 1 << 20).replay(e -> delivered.add(e.record().id()), false, true);

        assertThat(fault.failedWrites).isEqualTo(1);
        assertThat(tornKept).isFalse();
        assertThat(nextKept).isTrue();
        assertThat(delivered).containsExactly(first.id(), next.id());
        assertThat(replay).isEqualTo(new Spool.Replay(2, 0, true));
        assertThat(spool.lost()).isEqualTo(1);
    }

    @Test
    void when_even_the_cut_back_fails_the_torn_file_is_given_up_and_the_next_record_goes_to_a_new_one() {
        FailingChannel.Fault fault = new FailingChannel.Fault();
        Spool spool = Spool.in(dir, DESTINATION, 1 << 20, FailingChannel.opener(fault));
        RunRecord first = record(1);
        RunRecord next = record(3);
        spool.append(Op.START, first);

        fault.failAfter(40);
        fault.truncateFails = true;
        spool.append(Op.FINISH, record(2));
        fault.heal();
        boolean nextKept = spool.append(Op.FINISH, next);
        spool.close();
        List<UUID> delivered = new ArrayList<>();
        Spool.in(dir, DESTINATION, 1 << 20).replay(e -> delivered.add(e.record().id()), false, true);

        assertThat(nextKept).isTrue();
        assertThat(delivered).containsExactlyInAnyOrder(first.id(), next.id());
        assertThat(files()).isEmpty();
    }

    @Test
    void a_new_file_left_by_a_process_that_died_while_creating_it_is_read_or_removed_never_ignored()
            throws Exception {
        String header = "{\"batchtrack_spool\":1,\"destination\":\"" + DESTINATION + "\",\"pid\":1}\n";
        Path headerOnly = dir.resolve(Spool.hash(DESTINATION) + "-1-aa.new");
        Path torn = dir.resolve(Spool.hash(DESTINATION) + "-2-bb.new");
        Path withRecords = dir.resolve(Spool.hash(DESTINATION) + "-3-cc.new");
        Files.writeString(headerOnly, header);
        Files.writeString(torn, header.substring(0, 20));
        Files.writeString(withRecords, header + START_LINE_OF_0_1 + "\n");
        Path justCreated = Files.createFile(dir.resolve(Spool.hash(DESTINATION) + "-4-dd.new"));
        java.nio.file.attribute.FileTime longAgo = java.nio.file.attribute.FileTime.from(T);
        for (Path p : List.of(headerOnly, torn, withRecords)) {
            Files.setLastModifiedTime(p, longAgo);
        }
        List<Op> delivered = new ArrayList<>();

        Spool.Replay replay = Spool.in(dir, DESTINATION, 1 << 20).replay(e -> delivered.add(e.op()), false, true);

        assertThat(replay).isEqualTo(new Spool.Replay(1, 0, true));
        assertThat(delivered).containsExactly(Op.START);
        assertThat(files()).as("an empty file of this instant may be a live creator's, not yet locked")
                .containsExactly(justCreated);
    }

    @Test
    void an_existing_spool_directory_that_others_may_write_to_is_neither_written_nor_replayed() throws Exception {
        assumeTrue(posix());
        Path shared = Files.createDirectory(dir.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path planted = shared.resolve(Spool.hash(DESTINATION) + "-1-abc.spool");
        Files.writeString(planted, "{\"batchtrack_spool\":1,\"destination\":\"" + DESTINATION + "\",\"pid\":1}\n"
                + START_LINE_OF_0_1 + "\n");
        Spool spool = Spool.in(shared, DESTINATION, 1 << 20);
        List<Op> delivered = new ArrayList<>();

        boolean kept = spool.append(Op.START, record(1));
        spool.replay(e -> delivered.add(e.op()), true, true);

        assertThat(kept).isFalse();
        assertThat(spool.lost()).isEqualTo(1);
        assertThat(delivered).as("a planted record is never handed to the store").isEmpty();
        try (Stream<Path> s = Files.list(shared)) {
            assertThat(s.toList()).containsExactly(planted);
        }
        spool.close();
    }

    @Test
    void a_file_of_another_user_or_a_symbolic_link_in_the_spool_directory_is_not_replayed() throws Exception {
        assumeTrue(posix());
        Spool own = Spool.in(dir, DESTINATION, 1 << 20);
        own.append(Op.START, record(1));
        own.close(); // a private directory now, with one file of ours
        Path ours = files().get(0);
        String content = Files.readString(ours);
        Files.delete(ours);
        Path foreign = dir.resolve(Spool.hash(DESTINATION) + "-1-aa.spool");
        Files.writeString(foreign, content);
        UserPrincipal nobody = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        boolean chowned;
        try {
            Files.setOwner(foreign, nobody);
            chowned = true;
        } catch (java.io.IOException e) {
            chowned = false; // not root: only the link case below
            Files.delete(foreign);
        }
        Path target = Files.writeString(Files.createTempFile("planted", ".txt"), content);
        Path link = Files.createSymbolicLink(dir.resolve(Spool.hash(DESTINATION) + "-2-bb.spool"), target);
        List<Op> delivered = new ArrayList<>();

        Spool.in(dir, DESTINATION, 1 << 20).replay(e -> delivered.add(e.op()), false, true);

        assertThat(delivered).isEmpty();
        assertThat(Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)).isTrue();
        assertThat(Files.exists(foreign)).isEqualTo(chowned);
        Files.delete(target);
    }

    @Test
    void the_directory_is_forced_to_disk_after_a_spool_file_gets_its_name() {
        List<String> events = new ArrayList<>();
        Spool.Opener recording = new Spool.Opener() {
            @Override
            public java.nio.channels.FileChannel open(Path file, java.util.Set<? extends java.nio.file.OpenOption> options,
                    java.nio.file.attribute.FileAttribute<?>... attributes) throws java.io.IOException {
                events.add((Files.isDirectory(file) ? "dir " : "file ") + file.getFileName().toString()
                        .replaceAll(".*\\.", "."));
                return java.nio.channels.FileChannel.open(file, options, attributes);
            }
        };
        Spool spool = Spool.in(dir, DESTINATION, 1 << 20, recording);

        spool.append(Op.START, record(1));

        assertThat(events).containsExactly("file .new", "dir " + dir.getFileName());
        assertThat(files()).singleElement().satisfies(p -> assertThat(p.toString()).endsWith(".spool"));
        spool.close();
    }

    @Test
    void the_size_limit_is_the_directorys_every_processs_files_together() {
        Spool ended = Spool.in(dir, DESTINATION, 1_000);
        assertThat(ended.append(Op.START, record(1))).isTrue();
        ended.close(); // its file stays: 1 record
        Spool other = Spool.in(dir, "jdbc:postgresql://elsewhere:5432/nfl#public", 1_000);
        Spool next = Spool.in(dir, DESTINATION, 1_000);

        boolean otherKept = other.append(Op.START, record(2));
        boolean nextKept = next.append(Op.START, record(3));

        assertThat(otherKept || nextKept).as("the directory holds one record's worth").isFalse();
        assertThat(other.lost() + next.lost()).isEqualTo(2);
        assertThat(files()).hasSize(1);
        other.close();
        next.close();
    }

    @Test
    void file_names_reveal_nothing_of_the_destination() {
        Spool spool = Spool.in(dir, DESTINATION, 1 << 20);
        spool.append(Op.START, record(1));

        // hex digits and numbers only, led by the destination's hash: no letter of the destination can show
        // (a test for "db" in the name failed whenever the random hex happened to contain "db")
        assertThat(files()).singleElement().satisfies(p -> assertThat(p.getFileName().toString())
                .matches("[0-9a-f]{16}-\\d+-[0-9a-f]+\\.spool").startsWith(Spool.hash(DESTINATION) + "-"));
        spool.close();
    }

    private static boolean posix() {
        return java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static RunRecord record(int n) {
        return RunRecord.started(UUID.randomUUID(), null, SPEC, T, "42@host", null)
                .withCounters(Map.of("n", (long) n), List.of(), 0, 0);
    }

    private List<Path> files() {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
