-- A practical's submission keeps the page's state as a saved experiment, so the teacher opens exactly
-- what the student did; other submissions have none.
ALTER TABLE submission ADD COLUMN experiment_id VARCHAR(32);
