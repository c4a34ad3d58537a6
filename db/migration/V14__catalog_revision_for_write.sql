-- An event writer's shared catalog lock and its read of the catalog revision in one round trip: the commit
-- group's writer is a single thread, and each round trip waits for PostgreSQL to get a core.
-- Two statements, not one: in READ COMMITTED a VOLATILE function takes a fresh snapshot for each statement,
-- so the revision is read after the lock is granted and a price change that committed meanwhile is seen.
-- (One statement would read the revision with the snapshot taken before it waited for the lock.)
CREATE FUNCTION catalog_revision_for_write(lock_key bigint) RETURNS bigint
    LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    PERFORM pg_advisory_xact_lock_shared(lock_key);
    RETURN (SELECT revision FROM catalog_revision);
END
$$;
