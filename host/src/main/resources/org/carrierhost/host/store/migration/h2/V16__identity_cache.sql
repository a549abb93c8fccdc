-- H2 only (issue 28). H2 writes its store to disk each time an identity column's sequence has handed out its
-- cached values (32 by default), inside the transaction that asked: a 100,000-number import, with one history
-- row per number, made over 3,000 such writes. A larger cache makes them rare. H2 keeps one sequence for the
-- whole database, so ids still rise in commit order, and after a crash it starts past the cached ones.
-- PostgreSQL is left as it is: there a cache is per connection, and history is read in id order.
ALTER TABLE number_history ALTER COLUMN id SET CACHE 10000;
ALTER TABLE events ALTER COLUMN id SET CACHE 10000;
