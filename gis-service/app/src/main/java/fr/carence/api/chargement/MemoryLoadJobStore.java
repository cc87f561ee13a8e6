package fr.carence.api.chargement;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The load jobs of one embedded instance (H2GIS): they live and die with the process. */
final class MemoryLoadJobStore implements LoadJobStore {

    private final Map<String, TravailChargement> jobs = new ConcurrentHashMap<>();

    @Override
    public void create(TravailChargement job) {
        jobs.put(job.id(), job);
    }

    @Override
    public boolean update(TravailChargement job) {
        return jobs.computeIfPresent(job.id(), (id, old) -> old.active() ? job : old) == job;
    }

    @Override
    public Optional<TravailChargement> get(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    @Override
    public void maintain(Duration retention) {
        Instant limit = Instant.now().minus(retention);
        jobs.values().removeIf(j -> j.finLe() != null && j.finLe().isBefore(limit));
    }

    @Override
    public void abandonOwn(String reason) {
        jobs.replaceAll((id, j) -> j.active() ? j.finished(null, ErreurChargement.interrupted(reason), Instant.now()) : j);
    }
}
