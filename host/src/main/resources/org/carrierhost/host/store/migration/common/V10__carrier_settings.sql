-- V10, issue 25: carrier settings changed through the API (PUT /api/carriers/{id}/settings), for every host of the
-- database. They sit above the conf file, the environment and --set. A secret's value is AES-256-GCM ciphertext
-- under the key each host holds in its data directory (settings.key), never clear text. Runs on H2 and PostgreSQL.
CREATE TABLE carrier_settings (
    carrier      VARCHAR(64)   NOT NULL,
    setting_key  VARCHAR(128)  NOT NULL,
    stored_value VARCHAR(8000) NOT NULL,
    secret       BOOLEAN       NOT NULL,
    actor        VARCHAR(128)  NOT NULL,
    changed_at   BIGINT        NOT NULL,
    PRIMARY KEY (carrier, setting_key)
);
