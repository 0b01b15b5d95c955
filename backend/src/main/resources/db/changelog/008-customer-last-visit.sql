--liquibase formatted sql

--changeset meike:008-customer-last-visit
-- The customer list by last visit (most recent, or longest away) and its last-visit range filter.
CREATE INDEX customer_last_visit_ix ON customer (tenant_id, last_visit_at, id);
