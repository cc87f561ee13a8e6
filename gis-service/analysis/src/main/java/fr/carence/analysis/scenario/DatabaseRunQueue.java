package fr.carence.analysis.scenario;

import com.fasterxml.jackson.core.type.TypeReference;
import fr.carence.store.jdbc.SqlFailures;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The scenario queue shared by several instances on one PostgreSQL database (table
 * {@code carence_run_queue}, created by the service's cluster migrations). A row lives from
 * submission until the run's final record is in the {@code scenarios} layer. An instance claims
 * the oldest waiting row, or a running one whose lease has expired (its instance died), with
 * {@code SELECT … FOR UPDATE SKIP LOCKED}, so two instances never claim the same run, and renews
 * the lease while it computes. Times come from the database clock, never the instances'.
 */
public final class DatabaseRunQueue {

    /** Kinds of job ({@code travail}): a scenario run, or the recomputation of a finished one. */
    static final String CALCUL = "calcul";
    static final String RECALCUL = "recalcul";

    /** One queued or running job on a scenario. */
    record Entry(String id, String travail, String nom, LinkedHashMap<String, Object> parametres, String auteur,
                 String statut, double progression, String etape, String instance, int attempts, Instant createdAt,
                 Instant startedAt) {

        ScenarioRecord record() {
            return new ScenarioRecord(id, nom, parametres, statut, progression, etape, null, createdAt, startedAt,
                    null, null, null, null, null, auteur, null, null, null);
        }
    }

    private static final String COLUMNS = "scenario_id, travail, nom, parametres, auteur, statut, progression, etape, instance, "
            + "attempts, created_at, started_at";

    private final DataSource dataSource;
    private final String instance;
    private final Duration lease;
    private final Duration poll;

    /**
     * @param instance this instance's name (recorded on the rows it claims)
     * @param lease how long a claim holds without renewal
     * @param poll how often an idle instance looks for work
     */
    public DatabaseRunQueue(DataSource dataSource, String instance, Duration lease, Duration poll) {
        this.dataSource = dataSource;
        this.instance = instance;
        this.lease = lease;
        this.poll = poll;
    }

    public String instance() {
        return instance;
    }

    Duration lease() {
        return lease;
    }

    Duration poll() {
        return poll;
    }

    /** Adds a waiting run; false when that scenario is already queued or running (on any instance). */
    boolean enqueue(ScenarioRecord r) {
        return enqueue(r, CALCUL);
    }

    /** Adds a waiting job of kind {@code travail}; false when one of that kind is already queued or running. */
    boolean enqueue(ScenarioRecord r, String travail) {
        String sql = "INSERT INTO carence_run_queue (scenario_id, travail, nom, parametres, auteur, statut, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, now()) ON CONFLICT (scenario_id, travail) DO NOTHING";
        try (Connection c = connection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, r.id());
            st.setString(2, travail);
            st.setString(3, r.nom());
            st.setString(4, ScenarioTable.json(r.parametres()));
            st.setString(5, r.auteur());
            st.setString(6, ScenarioRecord.EN_ATTENTE);
            return st.executeUpdate() == 1;
        } catch (SQLException e) {
            throw SqlFailures.of("queueing scenario " + r.id(), e);
        }
    }

    /** Jobs (runs and recomputations) waiting to be claimed, on every instance. */
    int waiting() {
        try (Connection c = connection(); PreparedStatement st = c.prepareStatement(
                "SELECT count(*) FROM carence_run_queue WHERE statut = ?")) {
            st.setString(1, ScenarioRecord.EN_ATTENTE);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw SqlFailures.of("counting queued scenarios", e);
        }
    }

    /** The scenario's queued or running run. */
    Optional<Entry> get(String id) {
        return get(id, CALCUL);
    }

    Optional<Entry> get(String id, String travail) {
        return select("SELECT " + COLUMNS + " FROM carence_run_queue WHERE scenario_id = ? AND travail = ?", id, travail)
                .stream().findFirst();
    }

    /** The queued and running runs (not the recomputations). */
    List<Entry> all() {
        return select("SELECT " + COLUMNS + " FROM carence_run_queue WHERE travail = ? ORDER BY created_at", null, CALCUL);
    }

    /**
     * Claims the oldest waiting run, or a running one whose lease expired, for this instance:
     * status {@code en_cours}, a new lease, one more attempt. Empty when there is nothing to do.
     * The entry returned names the instance that held the run before ({@code null} for a new run).
     */
    Optional<Entry> claim() {
        String pick = "SELECT " + COLUMNS + " FROM carence_run_queue WHERE statut = ? OR lease_until < now() "
                + "ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED";
        String take = "UPDATE carence_run_queue SET statut = ?, instance = ?, attempts = attempts + 1, "
                + "lease_until = now() + ? * interval '1 millisecond', started_at = now(), progression = 0, etape = NULL "
                + "WHERE scenario_id = ? AND travail = ?";
        return SqlFailures.inTransaction(dataSource, "claiming a queued scenario", c -> {
            Entry e;
            try (PreparedStatement st = c.prepareStatement(pick)) {
                st.setString(1, ScenarioRecord.EN_ATTENTE);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Entry>empty();
                    }
                    e = entry(rs);
                }
            }
            try (PreparedStatement st = c.prepareStatement(take)) {
                st.setString(1, ScenarioRecord.EN_COURS);
                st.setString(2, instance);
                st.setLong(3, lease.toMillis());
                st.setString(4, e.id());
                st.setString(5, e.travail());
                st.executeUpdate();
            }
            // As claimed, still naming the instance that held it before (null for a new run).
            return Optional.of(new Entry(e.id(), e.travail(), e.nom(), e.parametres(), e.auteur(), ScenarioRecord.EN_COURS, 0, null,
                    e.instance(), e.attempts() + 1, e.createdAt(), e.startedAt()));
        });
    }

    /** Renews this instance's lease on a job and records its progress; false when the job is no longer ours. */
    boolean renew(String id, String travail, double progression, String etape) {
        String sql = "UPDATE carence_run_queue SET lease_until = now() + ? * interval '1 millisecond', progression = ?, "
                + "etape = ? WHERE scenario_id = ? AND travail = ? AND instance = ? AND statut = ?";
        try (Connection c = connection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setLong(1, lease.toMillis());
            st.setDouble(2, progression);
            st.setString(3, etape);
            st.setString(4, id);
            st.setString(5, travail);
            st.setString(6, instance);
            st.setString(7, ScenarioRecord.EN_COURS);
            return st.executeUpdate() == 1;
        } catch (SQLException e) {
            throw SqlFailures.of("renewing the lease of scenario " + id, e);
        }
    }

    /** Removes a job this instance claimed, once its final record is written. */
    void finish(String id, String travail) {
        try (Connection c = connection(); PreparedStatement st = c.prepareStatement(
                "DELETE FROM carence_run_queue WHERE scenario_id = ? AND travail = ? AND instance = ?")) {
            st.setString(1, id);
            st.setString(2, travail);
            st.setString(3, instance);
            st.executeUpdate();
        } catch (SQLException e) {
            throw SqlFailures.of("removing scenario " + id + " from the queue", e);
        }
    }

    private List<Entry> select(String sql, String id, String travail) {
        List<Entry> out = new ArrayList<>();
        try (Connection c = connection(); PreparedStatement st = c.prepareStatement(sql)) {
            int i = 1;
            if (id != null) {
                st.setString(i++, id);
            }
            st.setString(i, travail);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(entry(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw SqlFailures.of("reading the scenario queue", e);
        }
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        return new Entry(rs.getString("scenario_id"), rs.getString("travail"), rs.getString("nom"),
                ScenarioTable.parse(rs.getString("parametres"), new TypeReference<LinkedHashMap<String, Object>>() { }),
                rs.getString("auteur"), rs.getString("statut"), rs.getDouble("progression"), rs.getString("etape"),
                rs.getString("instance"), rs.getInt("attempts"), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("started_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private Connection connection() throws SQLException {
        return dataSource.getConnection();
    }
}
