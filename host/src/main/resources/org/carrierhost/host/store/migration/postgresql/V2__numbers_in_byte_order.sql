-- V2, PostgreSQL only: numbers compare byte by byte, whatever the database's collation. The prefix scan
-- reads [prefix, prefix || ':') on the index numbers_by_carrier_state; under a linguistic collation
-- (en_US, ICU) punctuation such as '+' and ':' is first ignored, so that range would neither be exactly
-- the numbers starting with the prefix nor come in number order. "C" makes both hold, and the index on
-- (carrier, state, number) serves the scan. H2 compares strings by code point already: it has no V2.
-- Both indexes on the column (the primary key and numbers_by_carrier_state) are rebuilt by this.
ALTER TABLE numbers ALTER COLUMN number TYPE VARCHAR(20) COLLATE "C";
