-- V9, issue 26: holds that expire, and reconciliation reports. Runs on H2 and PostgreSQL alike. Times are
-- epoch milliseconds of the database's clock (CURRENT_TIMESTAMP), never a host's.

-- A hold of some numbers for an account, until expires_at (the earliest of its numbers'). state: ACTIVE until
-- it ends as EXPIRED, RELEASED or CONSUMED. A host's reaper leases a due hold (lease_token until lease_until)
-- while it releases its numbers at their carriers; a lease that lapses lets another host finish.
CREATE TABLE holds (
    id           VARCHAR(64)  NOT NULL PRIMARY KEY,
    account_id   VARCHAR(128) NOT NULL,
    state        VARCHAR(16)  NOT NULL,
    created_at   BIGINT       NOT NULL,
    expires_at   BIGINT       NOT NULL,
    ended_at     BIGINT,
    actor        VARCHAR(128) NOT NULL,
    lease_token  VARCHAR(40),
    lease_until  BIGINT
);

CREATE INDEX holds_due ON holds (state, expires_at);

-- Each number of a hold: carrier-held (kind CARRIER, with the carrier's reservation reference and expiry) or
-- held within our hosts only (SOFT). done: released at the carrier, consumed by an acquire, or nothing to release.
CREATE TABLE hold_numbers (
    hold_id             VARCHAR(64)  NOT NULL,
    number              VARCHAR(20)  NOT NULL,
    carrier             VARCHAR(64)  NOT NULL,
    kind                VARCHAR(8)   NOT NULL,
    expires_at          BIGINT       NOT NULL,
    carrier_expires_at  BIGINT,
    reference           VARCHAR(256),
    done                BOOLEAN      NOT NULL,
    PRIMARY KEY (hold_id, number)
);

-- The numbers held now, one hold each: the primary key keeps two holds off one number, in one host or many.
-- A row goes when its hold ends.
CREATE TABLE held_numbers (
    number      VARCHAR(20)  NOT NULL PRIMARY KEY,
    hold_id     VARCHAR(64)  NOT NULL,
    account_id  VARCHAR(128) NOT NULL
);
