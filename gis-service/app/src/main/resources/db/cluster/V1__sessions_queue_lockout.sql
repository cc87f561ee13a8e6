-- Shared state of several Carence instances on one PostgreSQL database (docs/deployment.md).
-- Run by fr.carence.cluster.ClusterConfiguration with its own history table
-- (carence_cluster_schema_history), so these versions never collide with the store's.

-- Spring Session JDBC (web map logins), the schema spring-session-jdbc 3.5 ships for PostgreSQL.
CREATE TABLE SPRING_SESSION (
    PRIMARY_ID CHAR(36) NOT NULL,
    SESSION_ID CHAR(36) NOT NULL,
    CREATION_TIME BIGINT NOT NULL,
    LAST_ACCESS_TIME BIGINT NOT NULL,
    MAX_INACTIVE_INTERVAL INT NOT NULL,
    EXPIRY_TIME BIGINT NOT NULL,
    PRINCIPAL_NAME VARCHAR(100),
    CONSTRAINT SPRING_SESSION_PK PRIMARY KEY (PRIMARY_ID)
);
CREATE UNIQUE INDEX SPRING_SESSION_IX1 ON SPRING_SESSION (SESSION_ID);
CREATE INDEX SPRING_SESSION_IX2 ON SPRING_SESSION (EXPIRY_TIME);
CREATE INDEX SPRING_SESSION_IX3 ON SPRING_SESSION (PRINCIPAL_NAME);
CREATE TABLE SPRING_SESSION_ATTRIBUTES (
    SESSION_PRIMARY_ID CHAR(36) NOT NULL,
    ATTRIBUTE_NAME VARCHAR(200) NOT NULL,
    ATTRIBUTE_BYTES BYTEA NOT NULL,
    CONSTRAINT SPRING_SESSION_ATTRIBUTES_PK PRIMARY KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME),
    CONSTRAINT SPRING_SESSION_ATTRIBUTES_FK FOREIGN KEY (SESSION_PRIMARY_ID) REFERENCES SPRING_SESSION (PRIMARY_ID) ON DELETE CASCADE
);

-- Scenario runs queued or running (fr.carence.analysis.scenario.DatabaseRunQueue). A row exists
-- from submission until the run's final record (termine / echec) is in the scenarios layer.
-- Claimed with SELECT ... FOR UPDATE SKIP LOCKED; lease_until is renewed while the run goes on.
CREATE TABLE carence_run_queue (
    scenario_id  VARCHAR(40) NOT NULL PRIMARY KEY,
    nom          VARCHAR(200) NOT NULL,
    parametres   TEXT NOT NULL,
    auteur       VARCHAR(200),
    statut       VARCHAR(20) NOT NULL,
    progression  DOUBLE PRECISION NOT NULL DEFAULT 0,
    etape        VARCHAR(100),
    instance     VARCHAR(200),
    lease_until  TIMESTAMP WITH TIME ZONE,
    attempts     INTEGER NOT NULL DEFAULT 0,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX carence_run_queue_claim ON carence_run_queue (created_at);

-- Password-guessing counters of every instance (fr.carence.security.LoginThrottle): one row per
-- login or address. recent_guesses holds HMACs of the last wrong passwords, keyed by a secret
-- shared by the instances (carence_cluster_secret), never the passwords.
CREATE TABLE carence_login_failure (
    counter_key    VARCHAR(300) NOT NULL PRIMARY KEY,
    failures       INTEGER NOT NULL,
    last_failure   TIMESTAMP WITH TIME ZONE,
    locked_until   TIMESTAMP WITH TIME ZONE,
    recent_guesses TEXT NOT NULL DEFAULT ''
);
CREATE INDEX carence_login_failure_age ON carence_login_failure (last_failure);

CREATE TABLE carence_cluster_secret (
    name  VARCHAR(63) NOT NULL PRIMARY KEY,
    value BYTEA NOT NULL
);
