-- The scenario queue also carries recomputations (POST /api/scenarios/{id}/recalcul): a row is a
-- job of one kind on one scenario, so a scenario may have a run and a recomputation queued at once.
ALTER TABLE carence_run_queue ADD COLUMN travail VARCHAR(20) NOT NULL DEFAULT 'calcul';
ALTER TABLE carence_run_queue DROP CONSTRAINT carence_run_queue_pkey;
ALTER TABLE carence_run_queue ADD PRIMARY KEY (scenario_id, travail);
