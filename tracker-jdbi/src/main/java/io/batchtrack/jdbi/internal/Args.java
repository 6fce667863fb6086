package io.batchtrack.jdbi.internal;

import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jdbi.v3.core.argument.Argument;

/** Arguments bound exactly as PostgreSQL expects them, independent of the JVM's time zone. */
public final class Args {
    private Args() {}

    public static Argument uuid(UUID value) {
        return (position, statement, context) -> {
            if (value == null) {
                statement.setNull(position, Types.OTHER);
            } else {
                statement.setObject(position, value);
            }
        };
    }

    public static Argument uuids(UUID[] values) {
        return (position, statement, context) ->
                statement.setArray(position, statement.getConnection().createArrayOf("uuid", values));
    }

    /** A {@code timestamptz}: bound as an offset date-time in UTC, never through the JVM's default zone. */
    public static Argument timestamp(Instant value) {
        return (position, statement, context) -> {
            if (value == null) {
                statement.setNull(position, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                statement.setObject(position, value.atOffset(ZoneOffset.UTC));
            }
        };
    }
}
