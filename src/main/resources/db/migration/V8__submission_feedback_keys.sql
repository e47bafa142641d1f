-- Feedback stored as message keys and arguments (JSON), rendered in the reader's language when read.
-- Older rows keep their feedback as written in English and Portuguese; new rows leave those columns null.
ALTER TABLE submission ADD COLUMN feedback VARCHAR(100000);
ALTER TABLE submission ALTER COLUMN feedback_en DROP NOT NULL;
ALTER TABLE submission ALTER COLUMN feedback_pt DROP NOT NULL;
