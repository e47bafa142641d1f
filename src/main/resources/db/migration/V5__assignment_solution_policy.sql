-- When a student of an assignment sees the worked solution, as its teacher chose (issue 12).
-- Existing assignments keep the rule they had: after the last attempt, a right answer, or the close.
ALTER TABLE assignment ADD COLUMN solution_policy VARCHAR(24) DEFAULT 'AFTER_LAST_ATTEMPT' NOT NULL;
ALTER TABLE assignment ADD CONSTRAINT ck_assignment_solution
    CHECK (solution_policy IN ('AFTER_LAST_ATTEMPT', 'AFTER_DUE', 'NEVER'));
