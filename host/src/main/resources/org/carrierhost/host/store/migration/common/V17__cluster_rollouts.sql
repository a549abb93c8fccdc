-- V17, issue 27: a canary rollout shared by the hosts of a cluster. Runs on H2 and PostgreSQL alike; only a cluster
-- (PostgreSQL) writes them: a host on its own keeps its rollouts in memory.

-- Each carrier's latest canary rollout: one host at a time judges it (under an advisory lock) and every host applies
-- what it says. judged_at is when its window was last judged (or it began), on the database's clock, in milliseconds.
CREATE TABLE carrier_rollouts (
    carrier         VARCHAR(64)   NOT NULL PRIMARY KEY,
    stable_version  VARCHAR(100)  NOT NULL,
    canary_version  VARCHAR(100)  NOT NULL,
    step            INTEGER       NOT NULL,
    steps           INTEGER       NOT NULL,
    weight          INTEGER       NOT NULL,
    acquires        BOOLEAN       NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    reason          VARCHAR(1000) NOT NULL,
    began_at        BIGINT        NOT NULL,
    judged_at       BIGINT        NOT NULL,
    updated_at      BIGINT        NOT NULL,
    node            VARCHAR(128)  NOT NULL
);

-- Each host's calls on each version (side: stable or canary) since the window was last judged: added to by each host
-- at the end of each of its windows, and taken (deleted) by the host that judges.
CREATE TABLE carrier_rollout_windows (
    carrier   VARCHAR(64)      NOT NULL,
    node      VARCHAR(128)     NOT NULL,
    side      VARCHAR(8)       NOT NULL,
    calls     BIGINT           NOT NULL,
    errors    BIGINT           NOT NULL,
    timeouts  BIGINT           NOT NULL,
    p99_ms    DOUBLE PRECISION NOT NULL,
    searches  BIGINT           NOT NULL,
    asked     BIGINT           NOT NULL,
    returned  BIGINT           NOT NULL,
    PRIMARY KEY (carrier, node, side)
);
