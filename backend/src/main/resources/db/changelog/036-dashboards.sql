--liquibase formatted sql

--changeset meike:036-dashboard-time-indexes
-- The dashboard sums ledgers and events of a period chain-wide: each needs its rows by tenant and time, and carries
-- what the sums read so that the period's rows come from the index alone where it can.
CREATE INDEX qualifying_spend_time_ix ON qualifying_spend (tenant_id, spent_at) INCLUDE (amount, source, source_id);
-- Orders paid at one clinic in a period (the clinic index on orders is by creation time).
CREATE INDEX sales_order_clinic_paid_ix ON sales_order (tenant_id, clinic_id, paid_at) WHERE paid_at IS NOT NULL;
CREATE INDEX tier_change_time_ix ON tier_change (tenant_id, changed_at);
CREATE INDEX points_entry_time_ix ON points_entry (tenant_id, occurred_at) INCLUDE (kind, points, order_id, customer_id);
CREATE INDEX referral_time_ix ON referral (tenant_id, counted_at) INCLUDE (clinic_id);
CREATE INDEX survey_submitted_ix ON survey (tenant_id, submitted_at) WHERE status = 'SUBMITTED';
CREATE INDEX complaint_opened_ix ON complaint (tenant_id, opened_at);
CREATE INDEX follow_up_task_due_ix ON follow_up_task (tenant_id, due_date);
