package io.batchtrack.jdbi.internal;

import io.batchtrack.config.TrackerConfig;
import io.batchtrack.internal.Text;
import java.sql.SQLException;
import java.util.Set;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * The database answers but refuses batchtrack: a wrong password, an unknown role, no
 * {@code pg_hba.conf} entry, a missing privilege. No record is at fault and
 * waiting alone does not cure it, but fixing the configuration does: the store reports it as
 * unavailable (the runs wait in the spool), at once, with the cause and the key to fix.
 */
public final class AccessDenied {
    /**
     * Invalid authorization (28000: unknown role, no pg_hba.conf entry), invalid password (28P01),
     * insufficient privilege (42501). Not a database that does not exist (3D000): the spool is kept
     * per URL, so runs spooled for a wrong URL would never reach the corrected one.
     */
    private static final Set<String> STATES = Set.of("28000", "28P01", "42501");

    private AccessDenied() {}

    /** The refusal anywhere in {@code t}'s causes (a pool reports the server's last refusal as its cause), or null. */
    public static SQLException find(Throwable t) {
        int depth = 0;
        for (Throwable c = t; c != null && depth < 20; c = c.getCause(), depth++) {
            if (c instanceof SQLException s && s.getSQLState() != null && STATES.contains(s.getSQLState())) {
                return s;
            }
        }
        return null;
    }

    /**
     * One line: the server's reason, then what to check, then where:
     * {@code password authentication failed for user 'batch': check BATCHTRACK_JDBC_PASSWORD ...}.
     *
     * @param fromConfig whether the credentials come from batchtrack's configuration (else from a
     *     data source the application gave the store)
     */
    public static String explain(SQLException refusal, boolean fromConfig, String where) {
        return reason(refusal) + ": " + remedy(refusal.getSQLState(), fromConfig) + " (" + where
                + "; runs wait in the spool)";
    }

    private static String remedy(String state, boolean fromConfig) {
        String password = TrackerConfig.environmentName("jdbc.password") + " (or jdbc.password-file)";
        String user = TrackerConfig.environmentName("jdbc.user");
        if (!fromConfig) {
            return switch (state) {
                case "28P01" -> "check the password of the data source given to PostgresRunStore.builder";
                case "42501" -> "grant the data source's user SELECT, INSERT, UPDATE, DELETE on batchtrack's tables";
                default -> "check the user of the data source given to PostgresRunStore.builder and the server's"
                        + " pg_hba.conf";
            };
        }
        return switch (state) {
            case "28P01" -> "check " + password;
            case "42501" -> "grant that user SELECT, INSERT, UPDATE, DELETE on batchtrack's tables, or check " + user;
            default -> "check " + user + ", " + password + " and the server's pg_hba.conf";
        };
    }

    /** The server's own message (never the password), with its quotes made single. */
    private static String reason(SQLException refusal) {
        String message = null;
        if (refusal instanceof PSQLException p) {
            ServerErrorMessage server = p.getServerErrorMessage();
            message = server == null ? null : server.getMessage();
        }
        if (message == null) {
            message = refusal.getMessage() == null ? "SQLSTATE " + refusal.getSQLState() : refusal.getMessage();
        }
        return Text.clean(message.replace('"', '\''), 300);
    }
}
