-- Initial schema. Times are ISO-8601 UTC text exactly as in the records (the
-- memory and lowdb stores compare them as strings; so do we, in the "C"
-- collation, i.e. byte order like JavaScript). Each table keeps
-- the whole record in `data` (jsonb) and copies into columns what is queried,
-- constrained or indexed.

CREATE TABLE inbound_events (
  key          text PRIMARY KEY,           -- dedupe: INSERT ... ON CONFLICT DO NOTHING
  status       text NOT NULL CHECK (status IN ('pending', 'done')),
  received_at  text COLLATE "C" NOT NULL,
  data         jsonb NOT NULL
);
CREATE INDEX inbound_events_pending ON inbound_events (received_at) WHERE status = 'pending';
CREATE INDEX inbound_events_done ON inbound_events (received_at) WHERE status = 'done';

CREATE TABLE conversations (
  user_id  text PRIMARY KEY,
  data     jsonb NOT NULL
);

CREATE TABLE profiles (
  user_id  text PRIMARY KEY,
  data     jsonb NOT NULL
);

CREATE TABLE tokens (
  id       text PRIMARY KEY,               -- 'oa': one pair per OA
  version  integer NOT NULL,
  data     jsonb NOT NULL
);

CREATE TABLE dossiers (
  code            text PRIMARY KEY,
  procedure_code  text NOT NULL,
  status          smallint NOT NULL CHECK (status BETWEEN 1 AND 10),
  code_folded     text NOT NULL,           -- lower case, no diacritics: the console search
  name_folded     text NOT NULL,
  updated_at      text COLLATE "C" NOT NULL,
  data            jsonb NOT NULL            -- includes the history
);
CREATE INDEX dossiers_updated ON dossiers (updated_at DESC);
CREATE INDEX dossiers_status ON dossiers (status);

-- One row per history event: a redelivered event id is one event.
CREATE TABLE dossier_events (
  code         text NOT NULL REFERENCES dossiers (code) ON DELETE CASCADE,
  event_id     text NOT NULL,
  status       smallint NOT NULL,
  at           text COLLATE "C" NOT NULL,
  applied      boolean NOT NULL,
  recorded_at  text COLLATE "C" NOT NULL,
  UNIQUE (code, event_id)
);

CREATE TABLE subscriptions (
  code        text NOT NULL,
  user_id     text NOT NULL,
  created_at  text COLLATE "C" NOT NULL,
  PRIMARY KEY (code, user_id)
);
CREATE INDEX subscriptions_user ON subscriptions (user_id);

CREATE TABLE outbox (
  id               text PRIMARY KEY,
  dedupe_key       text NOT NULL UNIQUE,   -- the same key twice is one item
  kind             text NOT NULL,
  user_id          text NOT NULL,
  status           text NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'waiting', 'failed')),
  seq              bigint NOT NULL,
  next_attempt_at  text COLLATE "C" NOT NULL,
  lease_until      text COLLATE "C",
  claimed_by       text,
  dossier_code     text,
  created_at       text COLLATE "C" NOT NULL,
  data             jsonb NOT NULL
);
-- The claim looks for each user's lowest-seq unfinished item.
CREATE INDEX outbox_unfinished ON outbox (user_id, seq) WHERE status IN ('pending', 'sending', 'waiting');
CREATE INDEX outbox_created ON outbox (created_at DESC, seq DESC);
CREATE INDEX outbox_dossier ON outbox (dossier_code) WHERE dossier_code IS NOT NULL;

CREATE TABLE counters (
  name   text PRIMARY KEY,
  value  bigint NOT NULL
);

CREATE TABLE feedback (
  number      text PRIMARY KEY,
  source_key  text NOT NULL,
  created_at  text COLLATE "C" NOT NULL,
  data        jsonb NOT NULL
);
CREATE INDEX feedback_source ON feedback (source_key);
CREATE INDEX feedback_created ON feedback (created_at DESC);

CREATE TABLE handoffs (
  user_id    text PRIMARY KEY,
  status     text NOT NULL,
  opened_at  text COLLATE "C" NOT NULL,
  data       jsonb NOT NULL
);

CREATE TABLE unanswered (
  normalized  text PRIMARY KEY,
  count       integer NOT NULL,
  last_seen   text COLLATE "C" NOT NULL,
  data        jsonb NOT NULL
);

CREATE TABLE attempts (
  key  text NOT NULL,
  at   text COLLATE "C" NOT NULL
);
CREATE INDEX attempts_key ON attempts (key, at);

CREATE TABLE satisfaction (
  code     text NOT NULL,
  user_id  text NOT NULL,
  at       text COLLATE "C" NOT NULL,
  data     jsonb NOT NULL,
  PRIMARY KEY (code, user_id, at)
);

CREATE TABLE turn_log (
  id    bigserial PRIMARY KEY,
  at    text COLLATE "C" NOT NULL,
  data  jsonb NOT NULL
);
CREATE INDEX turn_log_at ON turn_log (at);
