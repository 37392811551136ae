-- The team lead's desk (issue #17): the approval queue names the customer of a pending spend, and a
-- lead's decision keeps the lead's note.
ALTER TABLE ledger_entries ADD COLUMN IF NOT EXISTS customer_id text;
ALTER TABLE ledger_decisions ADD COLUMN IF NOT EXISTS note text;
