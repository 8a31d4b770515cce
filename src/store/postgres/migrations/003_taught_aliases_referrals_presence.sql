-- What officers teach from the console's unanswered list, read by every instance:
-- everyday names for procedures, and "not our procedure" referrals.
CREATE TABLE taught_aliases (
  key        text PRIMARY KEY,             -- the alias folded
  code       text NOT NULL,
  taught_at  text COLLATE "C" NOT NULL,
  data       jsonb NOT NULL
);

CREATE TABLE question_referrals (
  key         text PRIMARY KEY,            -- the question's content words, folded and sorted
  created_at  text COLLATE "C" NOT NULL,
  data        jsonb NOT NULL
);

-- Presence marks shared by instances ('console': the last authenticated officer call).
CREATE TABLE presence (
  name  text PRIMARY KEY,
  at    text COLLATE "C" NOT NULL
);
