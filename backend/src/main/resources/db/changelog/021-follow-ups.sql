--liquibase formatted sql

--changeset meike:021-follow-ups
-- A follow-up rule (回访规则) of the chain: what makes a task and when it is due. `days` means, by trigger:
-- AFTER_TREATMENT and CONSULTATION_NOT_CONVERTED days after the event (D+1, D+7 ...); PACK_SESSION_DUE, BIRTHDAY,
-- POINTS_EXPIRING, STORED_VALUE_EXPIRING days before the date; AT_RISK days without a visit.
CREATE TABLE follow_up_rule (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL,
  trigger varchar(30) NOT NULL CHECK (trigger IN ('AFTER_TREATMENT', 'PACK_SESSION_DUE', 'BIRTHDAY',
    'POINTS_EXPIRING', 'STORED_VALUE_EXPIRING', 'AT_RISK', 'CONSULTATION_NOT_CONVERTED')),
  category varchar(30),
  days integer NOT NULL CHECK (days BETWEEN 0 AND 730),
  title varchar(100) NOT NULL,
  enabled boolean NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version bigint NOT NULL,
  PRIMARY KEY (tenant_id, id),
  CHECK (trigger = 'AFTER_TREATMENT' OR category IS NULL)
);
-- Two rules that would make the same task on the same day are one rule.
CREATE UNIQUE INDEX follow_up_rule_uq ON follow_up_rule (tenant_id, trigger, coalesce(category, ''), days);

-- A task made by a rule. `reason_key` names what made it (an order, a consultation, a pack's due date, a birthday
-- of a year ...): a rule makes at most one task per reason, however often the job runs or an event is replayed.
CREATE TABLE follow_up_task (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL,
  rule_id uuid NOT NULL,
  trigger varchar(30) NOT NULL,
  reason_key varchar(120) NOT NULL,
  subject_id uuid,
  customer_id uuid NOT NULL,
  clinic_id uuid,
  assignee_id uuid,
  title varchar(100) NOT NULL,
  due_date date NOT NULL,
  status varchar(10) NOT NULL CHECK (status IN ('OPEN', 'DONE', 'CANCELLED')),
  outcome varchar(10) CHECK (outcome IN ('REACHED', 'NO_ANSWER', 'BOOKED', 'DECLINED')),
  outcome_note varchar(1000),
  completed_at timestamptz,
  completed_by uuid,
  cancelled_at timestamptz,
  cancel_reason varchar(300),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version bigint NOT NULL,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, rule_id, reason_key),
  FOREIGN KEY (tenant_id, rule_id) REFERENCES follow_up_rule (tenant_id, id),
  FOREIGN KEY (tenant_id, customer_id) REFERENCES customer (tenant_id, id),
  FOREIGN KEY (tenant_id, clinic_id) REFERENCES clinic (tenant_id, id),
  FOREIGN KEY (tenant_id, assignee_id) REFERENCES staff (tenant_id, id),
  FOREIGN KEY (tenant_id, completed_by) REFERENCES staff (tenant_id, id),
  CHECK ((status = 'DONE') = (outcome IS NOT NULL AND completed_at IS NOT NULL)),
  CHECK ((status = 'CANCELLED') = (cancelled_at IS NOT NULL AND cancel_reason IS NOT NULL))
);
CREATE INDEX follow_up_task_assignee_ix ON follow_up_task (tenant_id, assignee_id, status, due_date, id);
CREATE INDEX follow_up_task_clinic_ix ON follow_up_task (tenant_id, clinic_id, status, due_date, id);
CREATE INDEX follow_up_task_customer_ix ON follow_up_task (tenant_id, customer_id, status);
CREATE INDEX follow_up_task_subject_ix ON follow_up_task (tenant_id, subject_id) WHERE subject_id IS NOT NULL;

-- A contact with the customer (a call, a message, a visit, a gift), recorded with a task's outcome or on its own.
CREATE TABLE touchpoint (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL,
  customer_id uuid NOT NULL,
  clinic_id uuid NOT NULL,
  staff_id uuid,
  channel varchar(10) NOT NULL CHECK (channel IN ('CALL', 'MESSAGE', 'VISIT', 'GIFT')),
  task_id uuid,
  outcome varchar(10) CHECK (outcome IN ('REACHED', 'NO_ANSWER', 'BOOKED', 'DECLINED')),
  note varchar(1000),
  occurred_at timestamptz NOT NULL,
  recorded_by varchar(64) NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, customer_id) REFERENCES customer (tenant_id, id),
  FOREIGN KEY (tenant_id, clinic_id) REFERENCES clinic (tenant_id, id),
  FOREIGN KEY (tenant_id, staff_id) REFERENCES staff (tenant_id, id),
  FOREIGN KEY (tenant_id, task_id) REFERENCES follow_up_task (tenant_id, id)
);
-- A task's outcome is one contact.
CREATE UNIQUE INDEX touchpoint_task_uq ON touchpoint (tenant_id, task_id) WHERE task_id IS NOT NULL;
CREATE INDEX touchpoint_customer_ix ON touchpoint (tenant_id, customer_id, occurred_at DESC, id DESC);

ALTER TABLE follow_up_rule ENABLE ROW LEVEL SECURITY;
ALTER TABLE follow_up_rule FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON follow_up_rule
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
ALTER TABLE follow_up_task ENABLE ROW LEVEL SECURITY;
ALTER TABLE follow_up_task FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON follow_up_task
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
ALTER TABLE touchpoint ENABLE ROW LEVEL SECURITY;
ALTER TABLE touchpoint FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON touchpoint
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());

-- Rules are disabled, never deleted (tasks name them). Tasks and touchpoints are never deleted; a merge moves them to
-- the surviving customer and an erasure blanks their notes, hence UPDATE.
GRANT SELECT, INSERT, UPDATE ON follow_up_rule, follow_up_task, touchpoint TO ${app_role};
