-- A case's creation is kept in its row, not as one history row per fact
-- (docs/adr/0026-fast-import.md). The history of version 1 (every fact set, by whoever created the
-- case, when it was created) is derived from these columns; fact_changes holds versions 2 and on.
--
-- created_by:    who created the case (the actor of its version-1 changes).
-- initial_facts: the facts the case was created with, in their order; NULL while the case is at
--                version 1: they are then its facts. The first update copies the facts here.
ALTER TABLE cases ADD COLUMN created_by text;
ALTER TABLE cases ADD COLUMN initial_facts json
  CHECK (initial_facts IS NULL OR json_typeof(initial_facts) = 'object');

-- Existing cases: both from their version-1 rows, in position order (every case gets its initial
-- facts, '{}' when it was created without facts), then those rows go.
UPDATE cases c SET created_by = f.actor, initial_facts = f.facts
FROM (SELECT case_id, min(actor) AS actor,
             json_object_agg(fact, new_value ORDER BY position) AS facts
      FROM fact_changes WHERE version = 1 GROUP BY case_id) f
WHERE f.case_id = c.id;
UPDATE cases SET initial_facts = '{}' WHERE initial_facts IS NULL;

-- Nothing is lost: a version-1 row that the columns above cannot give back exactly (an old value, a
-- note, another actor or time than the case's creation) fails the migration here, and the whole
-- migration is rolled back.
DO $$
BEGIN
  IF EXISTS (
      SELECT 1 FROM fact_changes f JOIN cases c ON c.id = f.case_id
      WHERE f.version = 1
        AND (f.old_value IS NOT NULL OR f.note IS NOT NULL
             OR f.actor <> c.created_by OR f.changed_at <> c.created_at)) THEN
    RAISE EXCEPTION 'V7: a version-1 history row is not a plain creation; nothing was changed';
  END IF;
END $$;

DELETE FROM fact_changes WHERE version = 1;
