package fr.carence.api.chargement;

import java.time.Duration;
import java.util.Optional;

/**
 * Where the load jobs live: in this process ({@link MemoryLoadJobStore}, one embedded instance)
 * or in the database shared by several instances ({@link DatabaseLoadJobStore}), so that any
 * instance answers {@code GET /api/chargements/travaux/{id}}. A job runs on the instance that
 * received it (its files are on that instance's disk): it is never taken over, and a job whose
 * instance stopped renewing it ends {@code echec}.
 */
interface LoadJobStore {

    void create(TravailChargement job);

    /** Replaces the job's state; false when it is no longer this instance's active job (declared abandoned). */
    boolean update(TravailChargement job);

    /** The job, after ending in {@code echec} any abandoned one (so it is never seen {@code en_cours} forever). */
    Optional<TravailChargement> get(String id);

    /** Keeps this instance's active jobs alive, ends abandoned ones, forgets jobs finished longer ago than {@code retention}. */
    void maintain(Duration retention);

    /** Ends this instance's active jobs in {@code echec} (the service stops). */
    void abandonOwn(String reason);
}
