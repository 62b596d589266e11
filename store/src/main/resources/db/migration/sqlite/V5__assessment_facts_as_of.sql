-- When a receipt assessed the facts as they were recorded at an earlier time (case assess
-- --facts-as-of), that time; NULL: the case's facts as they were when it was assessed. Receipts
-- stored before this column keep NULL and mean what they meant.
ALTER TABLE assessments ADD COLUMN facts_as_of TEXT;
