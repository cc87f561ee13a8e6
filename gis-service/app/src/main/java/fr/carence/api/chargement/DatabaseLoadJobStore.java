package fr.carence.api.chargement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.carence.store.jdbc.SqlFailures;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The load jobs of several instances on one PostgreSQL database (table {@code carence_load_job},
 * cluster migration V2). The instance running a job renews its lease every poll; once a lease has
 * run out (the instance died), whichever instance looks first (a GET, or its own maintenance)
 * ends the job in {@code echec}. Times come from the database clock, never the instances'.
 */
final class DatabaseLoadJobStore implements LoadJobStore {

    private static final String ACTIVE = "statut IN ('" + TravailChargement.EN_ATTENTE + "', '" + TravailChargement.EN_COURS + "')";
    private static final String COLUMNS = "job_id, jeu, fichiers, auteur, statut, etape, lignes, progression, instance, "
            + "created_at, started_at, ended_at, rapport, erreur";

    private final DataSource dataSource;
    private final String instance;
    private final Duration lease;
    private final ObjectMapper json = new ObjectMapper();

    DatabaseLoadJobStore(DataSource dataSource, String instance, Duration lease) {
        this.dataSource = dataSource;
        this.instance = instance;
        this.lease = lease;
    }

    @Override
    public void create(TravailChargement job) {
        String sql = "INSERT INTO carence_load_job (job_id, jeu, fichiers, auteur, statut, lignes, progression, instance, "
                + "lease_until, created_at) VALUES (?, ?, ?, ?, ?, 0, 0, ?, now() + ? * interval '1 millisecond', now())";
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, job.id());
            st.setString(2, job.jeu());
            st.setString(3, write(job.fichiers()));
            st.setString(4, job.auteur());
            st.setString(5, job.statut());
            st.setString(6, instance);
            st.setLong(7, lease.toMillis());
            st.executeUpdate();
        } catch (SQLException e) {
            throw SqlFailures.of("recording load job " + job.id(), e);
        }
    }

    @Override
    public boolean update(TravailChargement job) {
        // started_at and ended_at from the database clock, set once
        String sql = "UPDATE carence_load_job SET statut = ?, etape = ?, lignes = ?, progression = ?, rapport = ?, erreur = ?, "
                + "lease_until = now() + ? * interval '1 millisecond', "
                + "started_at = CASE WHEN started_at IS NULL AND ? THEN now() ELSE started_at END, "
                + "ended_at = CASE WHEN ? THEN now() ELSE NULL END "
                + "WHERE job_id = ? AND instance = ? AND " + ACTIVE;
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, job.statut());
            st.setString(2, job.etape());
            st.setLong(3, job.lignesTraitees());
            st.setDouble(4, job.progression());
            st.setString(5, job.rapport() == null ? null : write(job.rapport()));
            st.setString(6, job.erreur() == null ? null : write(job.erreur()));
            st.setLong(7, lease.toMillis());
            st.setBoolean(8, job.debutLe() != null);
            st.setBoolean(9, !job.active());
            st.setString(10, job.id());
            st.setString(11, instance);
            return st.executeUpdate() == 1;
        } catch (SQLException e) {
            throw SqlFailures.of("updating load job " + job.id(), e);
        }
    }

    @Override
    public Optional<TravailChargement> get(String id) {
        endAbandoned();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM carence_load_job WHERE job_id = ?")) {
            st.setString(1, id);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(job(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw SqlFailures.of("reading load job " + id, e);
        }
    }

    @Override
    public void maintain(Duration retention) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement st = c.prepareStatement("UPDATE carence_load_job SET lease_until = now() + ? * "
                    + "interval '1 millisecond' WHERE instance = ? AND " + ACTIVE)) {
                st.setLong(1, lease.toMillis());
                st.setString(2, instance);
                st.executeUpdate();
            }
            try (PreparedStatement st = c.prepareStatement("DELETE FROM carence_load_job WHERE ended_at < now() - ? * "
                    + "interval '1 millisecond'")) {
                st.setLong(1, retention.toMillis());
                st.executeUpdate();
            }
        } catch (SQLException e) {
            throw SqlFailures.of("maintaining the load jobs", e);
        }
        endAbandoned();
    }

    @Override
    public void abandonOwn(String reason) {
        end(true, ignored -> reason);
    }

    /** Active jobs whose lease ran out: their instance died or lost the database. */
    private void endAbandoned() {
        end(false, dead -> "l'instance « " + dead
                + " » qui exécutait ce chargement s'est arrêtée");
    }

    /** Ends in {@code echec} this instance's active jobs ({@code own}) or every active job whose lease ran out. */
    private void end(boolean own, Function<String, String> reason) {
        String where = own ? "instance = ? AND " + ACTIVE : ACTIVE + " AND lease_until < now()";
        String pick = "SELECT job_id, instance FROM carence_load_job WHERE " + where + " FOR UPDATE SKIP LOCKED";
        String end = "UPDATE carence_load_job SET statut = ?, erreur = ?, ended_at = now() WHERE job_id = ?";
        SqlFailures.inTransaction(dataSource, "ending abandoned load jobs", c -> {
            List<String[]> ended = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(pick)) {
                if (own) {
                    st.setString(1, instance);
                }
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        ended.add(new String[] {rs.getString(1), rs.getString(2)});
                    }
                }
            }
            for (String[] e : ended) {
                try (PreparedStatement st = c.prepareStatement(end)) {
                    st.setString(1, TravailChargement.ECHEC);
                    st.setString(2, write(ErreurChargement.interrupted(reason.apply(e[1]))));
                    st.setString(3, e[0]);
                    st.executeUpdate();
                }
            }
            return ended.size();
        });
    }

    private TravailChargement job(ResultSet rs) throws SQLException {
        return new TravailChargement(rs.getString("job_id"), rs.getString("jeu"),
                read(rs.getString("fichiers"), new TypeReference<List<String>>() { }), rs.getString("auteur"),
                rs.getString("statut"), rs.getString("etape"), rs.getLong("lignes"), rs.getDouble("progression"),
                rs.getString("instance"), instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("ended_at")),
                rs.getString("rapport") == null ? null : read(rs.getString("rapport"), new TypeReference<RapportChargement>() { }),
                rs.getString("erreur") == null ? null : read(rs.getString("erreur"), new TypeReference<ErreurChargement>() { }));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("load job not serialisable", e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable load job column: " + text, e);
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
