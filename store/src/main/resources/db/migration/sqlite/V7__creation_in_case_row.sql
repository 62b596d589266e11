-- A case's creation is kept in its row, not as one history row per fact
-- (docs/adr/0026-fast-import.md). The history of version 1 (every fact set, by whoever created the
-- case, when it was created) is derived from these columns; fact_changes holds versions 2 and on.
--
-- created_by:    who created the case (the actor of its version-1 changes).
-- initial_facts: the facts the case was created with, in their order; NULL while the case is at
--                version 1: they are then its facts. The first update copies the facts here.
ALTER TABLE cases ADD COLUMN created_by TEXT;
ALTER TABLE cases ADD COLUMN initial_facts TEXT
  CHECK (initial_facts IS NULL OR (json_valid(initial_facts) AND json_type(initial_facts) = 'object'));

-- Existing cases: both from their version-1 rows, in position order (every case gets its initial
-- facts, '{}' when it was created without facts), then those rows go.
UPDATE cases SET
  created_by = (SELECT actor FROM fact_changes f
                WHERE f.case_id = cases.id AND f.version = 1 ORDER BY position LIMIT 1),
  initial_facts = (SELECT json_group_object(fact, json(new_value) ORDER BY position)
                   FROM fact_changes f WHERE f.case_id = cases.id AND f.version = 1);

-- Nothing is lost: a version-1 row that the columns above cannot give back exactly (an old value, a
-- note, another actor or time than the case's creation) fails the migration here (the CHECK), and
-- no row is deleted.
CREATE TEMPORARY TABLE v7_irregular_creation_rows (n INTEGER NOT NULL CHECK (n = 0));
INSERT INTO v7_irregular_creation_rows
  SELECT count(*) FROM fact_changes f JOIN cases c ON c.id = f.case_id
  WHERE f.version = 1
    AND (f.old_value IS NOT NULL OR f.note IS NOT NULL
         OR f.actor <> c.created_by OR f.changed_at <> c.created_at);
DROP TABLE v7_irregular_creation_rows;

DELETE FROM fact_changes WHERE version = 1;
