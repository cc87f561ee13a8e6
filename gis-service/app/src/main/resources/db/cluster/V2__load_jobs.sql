-- Load jobs of the upload API (fr.carence.api.chargement.DatabaseLoadJobStore): any instance
-- answers GET /api/chargements/travaux/{id}. A job runs on the instance that received its files;
-- that instance renews lease_until every poll, and an active job whose lease ran out (its
-- instance died) is ended 'echec' by whichever instance looks first. Finished jobs are kept
-- carence.chargements.job-retention, then deleted.
CREATE TABLE carence_load_job (
    job_id      VARCHAR(40) NOT NULL PRIMARY KEY,
    jeu         VARCHAR(100) NOT NULL,
    fichiers    TEXT NOT NULL,
    auteur      VARCHAR(200),
    statut      VARCHAR(20) NOT NULL,
    etape       VARCHAR(500),
    lignes      BIGINT NOT NULL DEFAULT 0,
    progression DOUBLE PRECISION NOT NULL DEFAULT 0,
    instance    VARCHAR(200) NOT NULL,
    lease_until TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at  TIMESTAMP WITH TIME ZONE,
    ended_at    TIMESTAMP WITH TIME ZONE,
    rapport     TEXT,
    erreur      TEXT
);
CREATE INDEX carence_load_job_active ON carence_load_job (statut, lease_until);
CREATE INDEX carence_load_job_ended ON carence_load_job (ended_at);
