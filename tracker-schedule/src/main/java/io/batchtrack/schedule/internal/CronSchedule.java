package io.batchtrack.schedule.internal;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The occurrences of a five-field Unix cron expression in a time zone, each exactly once across
 * daylight-saving changes.
 *
 * <p>cron-utils parses the expression and steps through it, but on wall-clock times without a zone
 * (it is asked in UTC, which has no transitions): across a change of offset it would otherwise skip
 * a time that falls in the spring gap and give a time in the autumn overlap twice. Each wall-clock
 * occurrence is then placed in the zone: in the overlap at its first (earlier) instant, in the gap at
 * the instant the gap ends (02:30 on 2026-03-08 in New York happens at 03:00 EDT), as Vixie cron does.
 * Several wall-clock times in one gap so fall on one instant, which is one occurrence.
 */
public final class CronSchedule {
    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    public static final String RULE = "five fields: minute hour day-of-month month day-of-week, for example '0 6 * * 2'";
    /** Further than any offset change moves a wall clock: where a search starts so that it misses nothing. */
    private static final Duration SEARCH_MARGIN = Duration.ofHours(3);

    private final ExecutionTime times;
    private final ZoneId zone;

    private CronSchedule(ExecutionTime times, ZoneId zone) {
        this.times = times;
        this.zone = zone;
    }

    /** @throws IllegalArgumentException naming the expression and the rule when it does not parse */
    public static CronSchedule parse(String cron, ZoneId zone) {
        if (cron == null || cron.isBlank()) {
            throw new IllegalArgumentException("cron '" + cron + "' is empty: a cron expression has " + RULE);
        }
        try {
            Cron parsed;
            synchronized (PARSER) { // cron-utils does not promise a parser is safe for concurrent use
                parsed = PARSER.parse(cron.trim());
            }
            return new CronSchedule(ExecutionTime.forCron(parsed), zone);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cron '" + cron + "' does not parse (" + e.getMessage()
                    + "): a cron expression has " + RULE, e);
        }
    }

    /** The newest {@code max} occurrences at or before {@code now} and after {@code after}, newest first. */
    public List<Instant> latest(Instant now, Instant after, int max) {
        List<Instant> found = new ArrayList<>();
        LocalDateTime cursor = wallClock(now.plus(SEARCH_MARGIN));
        Instant previous = null;
        while (found.size() < max) {
            Optional<ZonedDateTime> last = times.lastExecution(cursor.atZone(ZoneOffset.UTC));
            if (last.isEmpty()) {
                break;
            }
            cursor = last.get().toLocalDateTime();
            Instant at = instant(cursor);
            if (!at.isAfter(after)) {
                break;
            }
            if (!at.isAfter(now) && !at.equals(previous)) {
                found.add(at);
            }
            previous = at;
        }
        return found;
    }

    /** The first occurrence after {@code now}, or null if the expression never fires again. */
    public Instant next(Instant now) {
        LocalDateTime cursor = wallClock(now.minus(SEARCH_MARGIN));
        for (int i = 0; i < 10_000; i++) { // bounded: a few steps back over the margin suffice
            Optional<ZonedDateTime> next = times.nextExecution(cursor.atZone(ZoneOffset.UTC));
            if (next.isEmpty()) {
                return null;
            }
            cursor = next.get().toLocalDateTime();
            Instant at = instant(cursor);
            if (at.isAfter(now)) {
                return at;
            }
        }
        return null;
    }

    private LocalDateTime wallClock(Instant instant) {
        return LocalDateTime.ofInstant(instant, zone);
    }

    /** The instant a wall-clock occurrence happens at in the zone (see the class comment). */
    private Instant instant(LocalDateTime wallClock) {
        ZoneOffsetTransition transition = zone.getRules().getTransition(wallClock);
        if (transition != null && transition.isGap()) {
            return transition.getInstant();
        }
        return ZonedDateTime.ofLocal(wallClock, zone, null).toInstant(); // overlap: the earlier offset
    }
}
