-- Feedback tickets an officer answers: the status and the citizen are queried
-- (the console's filter, the citizen's own lookup in chat), so they get columns.
ALTER TABLE feedback ADD COLUMN user_id text;
ALTER TABLE feedback ADD COLUMN status text;
UPDATE feedback SET user_id = data->>'userId', status = data->>'status';
ALTER TABLE feedback ALTER COLUMN user_id SET NOT NULL;
ALTER TABLE feedback ALTER COLUMN status SET NOT NULL;
ALTER TABLE feedback ADD CONSTRAINT feedback_status_known CHECK (status IN ('open', 'in_progress', 'answered', 'closed'));
CREATE INDEX feedback_user ON feedback (user_id, created_at DESC);

-- The last turns of each citizen with the bot (shown to the officer on a handoff).
CREATE TABLE transcripts (
  user_id     text PRIMARY KEY,
  updated_at  text COLLATE "C" NOT NULL,
  data        jsonb NOT NULL
);
CREATE INDEX transcripts_updated ON transcripts (updated_at);
