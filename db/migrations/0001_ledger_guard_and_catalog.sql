-- The ledger is append-only: no row is ever updated or deleted, whoever asks.
CREATE OR REPLACE FUNCTION ledger_entries_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'ledger_entries is append-only (% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER ledger_entries_no_update_delete
  BEFORE UPDATE OR DELETE ON ledger_entries
  FOR EACH ROW EXECUTE FUNCTION ledger_entries_append_only();
--> statement-breakpoint
-- Balances can never go negative, whatever code path writes them.
ALTER TABLE resellers ADD CONSTRAINT resellers_credit_nonneg CHECK (credit_balance >= 0);
--> statement-breakpoint
ALTER TABLE resellers ADD CONSTRAINT resellers_commission_nonneg CHECK (commission_balance >= 0);
--> statement-breakpoint
ALTER TABLE clients ADD CONSTRAINT clients_credit_nonneg CHECK (credit_balance >= 0);
--> statement-breakpoint
-- The four packages of the catalog (SPEC §2).
INSERT INTO packages (code, name, price, daily_limit, period_limit, device_limit, period_days, sort_order) VALUES
  ('starter_pro', 'Starter Pro', 50000, 45, 1350, 1, 30, 1),
  ('business_elite', 'Business Elite', 100000, 180, 5400, 2, 30, 2),
  ('enterprise_pro', 'Enterprise Pro', 200000, 360, 10800, 3, 30, 3),
  ('enterprise_max', 'Enterprise Max', 400000, 550, 16500, 4, 30, 4)
ON CONFLICT (code) DO NOTHING;
