-- The Mend service's tables. Every row carries its tenant; nothing is read across tenants.
-- Money is bigint minor units with a char(3) ISO 4217 currency. Ledger entries and records are
-- append-only: a lead's decision is a row of its own, never an update of the entry.

CREATE TABLE IF NOT EXISTS agents (
  tenant text NOT NULL,
  id text NOT NULL,
  name text NOT NULL,
  role text NOT NULL,
  team text NOT NULL DEFAULT '',
  PRIMARY KEY (tenant, id)
);

CREATE TABLE IF NOT EXISTS funds (
  tenant text NOT NULL,
  agent_id text NOT NULL,
  currency char(3) NOT NULL,
  budget bigint NOT NULL CHECK (budget >= 0),
  spent bigint NOT NULL CHECK (spent >= 0),
  pending bigint NOT NULL CHECK (pending >= 0),
  per_action_cap bigint NOT NULL CHECK (per_action_cap >= 0),
  approval_threshold bigint NOT NULL CHECK (approval_threshold >= 0),
  period text NOT NULL,
  period_start timestamptz NOT NULL,
  period_end timestamptz NOT NULL,
  version integer NOT NULL,
  PRIMARY KEY (tenant, agent_id)
);

CREATE TABLE IF NOT EXISTS ledger_entries (
  tenant text NOT NULL,
  id text NOT NULL,
  agent_id text NOT NULL,
  seq bigserial,
  at timestamptz NOT NULL,
  amount bigint NOT NULL CHECK (amount >= 0),
  currency char(3) NOT NULL,
  reason text NOT NULL,
  interaction_id text NOT NULL,
  offer_id text,
  note text,
  status text NOT NULL CHECK (status IN ('done', 'pending_approval', 'rejected')),
  period_start timestamptz NOT NULL,
  PRIMARY KEY (tenant, id)
);
CREATE INDEX IF NOT EXISTS ledger_entries_fund ON ledger_entries (tenant, agent_id, period_start, seq);

-- One decision per pending entry: the primary key makes a second decision impossible.
CREATE TABLE IF NOT EXISTS ledger_decisions (
  tenant text NOT NULL,
  entry_id text NOT NULL,
  agent_id text NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('done', 'rejected')),
  decided_by text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant, entry_id)
);

-- Every write's first answer, under its key: a replay answers it, another body is refused.
CREATE TABLE IF NOT EXISTS idempotency (
  tenant text NOT NULL,
  kind text NOT NULL,
  key text NOT NULL,
  request_hash text NOT NULL,
  status integer NOT NULL,
  answer jsonb NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant, kind, key)
);

-- Policy per tenant ('' team) and per team.
CREATE TABLE IF NOT EXISTS policies (
  tenant text NOT NULL,
  team text NOT NULL DEFAULT '',
  policy jsonb NOT NULL,
  PRIMARY KEY (tenant, team)
);

CREATE TABLE IF NOT EXISTS taxonomies (
  tenant text PRIMARY KEY,
  version integer NOT NULL,
  departments jsonb NOT NULL
);
CREATE TABLE IF NOT EXISTS causes (
  tenant text NOT NULL,
  id text NOT NULL,
  ord integer NOT NULL,
  label text NOT NULL,
  category text NOT NULL,
  department_id text NOT NULL,
  keywords jsonb,
  PRIMARY KEY (tenant, id)
);

CREATE TABLE IF NOT EXISTS customers (
  tenant text NOT NULL,
  id text NOT NULL,
  name text NOT NULL,
  tier text,
  incidents jsonb NOT NULL DEFAULT '[]',
  PRIMARY KEY (tenant, id)
);

CREATE TABLE IF NOT EXISTS interactions (
  tenant text NOT NULL,
  id text NOT NULL,
  agent_id text,
  ord integer NOT NULL DEFAULT 0,
  interaction jsonb NOT NULL,
  PRIMARY KEY (tenant, id)
);

-- Recovery records, root-cause logs, baggage acknowledgements, callback requests, manager notices.
CREATE TABLE IF NOT EXISTS records (
  tenant text NOT NULL,
  id text NOT NULL,
  kind text NOT NULL,
  agent_id text NOT NULL,
  customer_id text NOT NULL,
  interaction_id text NOT NULL,
  cause_id text,
  payload jsonb NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant, id)
);
CREATE INDEX IF NOT EXISTS records_customer ON records (tenant, customer_id, kind, applied_at);
-- Recurrence counts since a date: an index range, not a scan of the table.
CREATE INDEX IF NOT EXISTS records_recurrence ON records (tenant, applied_at, cause_id) WHERE kind = 'logRootCause';

-- Live updates: every event a stream may send, in order; Last-Event-ID resumes after its seq.
CREATE TABLE IF NOT EXISTS events (
  seq bigserial PRIMARY KEY,
  tenant text NOT NULL,
  agent_id text NOT NULL,
  team text NOT NULL DEFAULT '',
  type text NOT NULL,
  payload jsonb NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS events_tenant ON events (tenant, seq);
