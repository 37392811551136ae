/**
 * What a real CRM server enforces for a team lead, shared by both fake CRMs (MemoryAdapter,
 * LocalAdapter) over the same {@link RecordStore} as `enforce.ts`: the approval queue, a decision
 * applied once (a replayed key answers the first receipt; a spend another lead already decided is a
 * `conflict` naming who decided; an agent deciding is a `permission` error and changes nothing),
 * and the raw rows of the recovery report.
 */
import { assessBaggage } from '../core/baggage.js';
import { remaining, rollOver, settleSpend } from '../core/fund.js';
import type { Agent, CustomerHistory, Fund, Interaction, LedgerEntry, RecoveryPolicy, Taxonomy } from '../core/model.js';
import { DEFAULT_POLICY } from '../core/recovery.js';
import { checkKey, K, newId, notFound, type AppliedWrite, type Crm, type RecurrenceEvent, type Served } from './enforce.js';
import { HostError } from './errors.js';
import type { WriteReceipt } from './host-adapter.js';
import type { ApprovalDecided, ApprovalDecision, ApprovalItem, ReportData, ReportQuery } from './lead.js';

const DAY = 86_400_000;

interface DecisionRecord {
  leadId: string;
  approved: boolean;
  at: string;
  note?: string;
}

const values = async <T>(crm: Crm, prefix: string) => (await crm.store.scan(prefix)).map(([, v]) => v as T);

/** Every fund, rolled over to the current period. */
async function funds(crm: Crm): Promise<Fund[]> {
  const now = crm.now();
  return (await values<Fund>(crm, K.fund(''))).map((f) => rollOver(f, now));
}

/**
 * The pending spends of the team (every agent of this CRM), oldest first. A lead's own spend is
 * listed too, but only another lead may decide it (the lead widget leaves it out).
 */
export async function approvalsOf(crm: Crm): Promise<ApprovalItem[]> {
  const [all, agents, interactions, spends, policy] = await Promise.all([
    funds(crm),
    values<Agent>(crm, K.agent('')),
    crm.interactions(),
    crm.writes('spend') as Promise<AppliedWrite<'spend'>[]>,
    crm.policy(),
  ]);
  const byEntry = new Map(spends.map((w) => [w.answer.entryId, w.payload]));
  const items: ApprovalItem[] = [];
  const now = crm.now();
  for (const fund of all) {
    for (const entry of fund.ledger) {
      if (entry.status !== 'pending_approval') continue;
      const request = byEntry.get(entry.id);
      const interaction: Interaction | undefined = interactions.find((i) => i.id === entry.interactionId);
      const customerId = request?.customerId || interaction?.customerId;
      const history = customerId ? ((await crm.store.get(K.history(customerId))) as CustomerHistory | undefined) : undefined;
      const agentName = agents.find((a) => a.id === fund.agentId)?.name ?? fund.agentId;
      items.push(approvalItem({ entry, fund, agentName, customerId, interaction, history, policy, now }));
    }
  }
  return items.sort((a, b) => a.requestedAt.localeCompare(b.requestedAt) || a.entryId.localeCompare(b.entryId));
}

/**
 * One spend waiting for a lead, as the queue shows it: the one shape of the fake CRMs and the Mend
 * service (service/src/store.ts). The customer's baggage is assessed with the policy's rules; the
 * wait counts from the contact's start when it began before the request.
 */
export function approvalItem(p: {
  entry: Pick<LedgerEntry, 'id' | 'interactionId' | 'amount' | 'reason' | 'note' | 'at'>;
  fund: Fund;
  agentName: string;
  customerId?: string;
  interaction?: Interaction;
  history?: CustomerHistory;
  policy: RecoveryPolicy;
  now: number;
}): ApprovalItem {
  const { entry, fund, interaction, history, customerId, policy } = p;
  const started = interaction?.startedAt;
  const customerName = interaction?.customerName ?? history?.customer.name;
  return {
    entryId: entry.id,
    agentId: fund.agentId,
    agentName: p.agentName,
    interactionId: entry.interactionId,
    ...(customerId ? { customerId } : {}),
    ...(customerName ? { customerName } : {}),
    ...(history ? { baggage: assessBaggage(history.incidents, p.now, { ...policy.baggage, severities: policy.severities }).level } : {}),
    amount: entry.amount,
    currency: fund.currency,
    threshold: fund.approvalThreshold,
    remaining: remaining(fund),
    reason: entry.reason,
    ...(entry.note ? { note: entry.note } : {}),
    requestedAt: entry.at,
    waitingSince: started && Date.parse(started) < Date.parse(entry.at) ? new Date(started).toISOString() : entry.at,
  };
}

/** The answer of a decision, the fund after it, and the event to fire (null for a replay). */
export interface DecisionServed extends Served<WriteReceipt> {
  fund?: Fund;
  decided?: ApprovalDecided;
}

/** Apply a lead's decision once (see the module documentation). */
export function decideApproval(crm: Crm, decision: ApprovalDecision): Promise<DecisionServed> {
  const key = K.write('decideApproval', checkKey(decision));
  const fundKey = K.fund(String(decision.agentId));
  const decisionKey = K.decision(String(decision.entryId));
  return crm.store.transact<DecisionServed>([key, fundKey, decisionKey, K.agent(String(decision.leadId))], ([first, f, previous, lead]) => {
    if (first) return { result: { answer: (first as AppliedWrite).answer as WriteReceipt, applied: false } };
    const role = (lead as Agent | undefined)?.role;
    if (!role || role === 'agent')
      throw new HostError('permission', 'Only a team lead may decide on a spend pending approval.', { retryable: false });
    if (decision.leadId === decision.agentId)
      throw new HostError('permission', 'A lead may not decide on their own spend.', { retryable: false });
    const fund = f as Fund | undefined;
    const entry = fund?.ledger.find((e) => e.id === decision.entryId);
    if (!fund || !entry) throw notFound(`Spend "${String(decision.entryId)}"`);
    if (entry.status !== 'pending_approval') {
      const before = previous as DecisionRecord | undefined;
      throw new HostError('conflict', 'This spend was already decided.', {
        retryable: false,
        details: { currentVersion: fund.version, ...(before ? { decidedBy: before.leadId, approved: before.approved } : { approved: entry.status === 'done' }) },
      });
    }
    const at = new Date(crm.now()).toISOString();
    const next = settleSpend(fund, entry.id, decision.approve ? 'done' : 'rejected');
    const answer: WriteReceipt = { id: newId('decision') };
    const record: DecisionRecord = { leadId: decision.leadId, approved: decision.approve, at, ...(decision.note ? { note: decision.note } : {}) };
    const decided: ApprovalDecided = { entryId: entry.id, agentId: fund.agentId, approved: decision.approve, decidedBy: decision.leadId, ...(decision.note ? { note: decision.note } : {}) };
    return {
      result: { answer, applied: true, fund: next, decided },
      writes: [
        [fundKey, next],
        [decisionKey, record],
        [key, { kind: 'decideApproval', payload: decision, answer, appliedAt: at } satisfies AppliedWrite],
      ],
    };
  });
}

/** The raw rows of a report; the period defaults to the current fund period. */
/**
 * The report's period and the team's budget for it (the fake CRMs' and the service's one rule):
 * `query`'s from/to, by default the period of `own`'s fund (the caller's, else the team's first),
 * else the last 7 days; each fund's budget scaled from its own period to this one. A period whose
 * start is not before its end is `invalid_request`.
 */
export function reportPeriod(funds: readonly Fund[], query: ReportQuery, now: number, own: Fund | undefined = funds[0]): { from: number; to: number; budget: number } {
  const from = Date.parse(query.from ?? own?.periodStart ?? new Date(now - 7 * DAY).toISOString());
  const to = Date.parse(query.to ?? own?.periodEnd ?? new Date(now).toISOString());
  if (!(from < to)) throw new HostError('invalid_request', 'A report needs a period whose start is before its end.', { retryable: false });
  const budget = funds.reduce((sum, f) => {
    const length = Date.parse(f.periodEnd) - Date.parse(f.periodStart);
    return sum + (length > 0 ? Math.round((f.budget * (to - from)) / length) : f.budget);
  }, 0);
  return { from, to, budget };
}

export async function reportOf(crm: Crm, query: ReportQuery = {}): Promise<ReportData> {
  const [all, agents, policy, taxonomy, events] = await Promise.all([
    funds(crm),
    values<Agent>(crm, K.agent('')),
    crm.policy() as Promise<RecoveryPolicy>,
    crm.taxonomy() as Promise<Taxonomy>,
    crm.store.get('recurrence') as Promise<RecurrenceEvent[] | undefined>,
  ]);
  const first = all[0];
  const { from, to, budget } = reportPeriod(all, query, crm.now());
  const within = (iso: string) => {
    const t = Date.parse(iso);
    return t >= from && t < to;
  };
  const causes = new Map(taxonomy.causes.map((c) => [c.id, c]));
  return {
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    currency: first?.currency ?? policy.currency ?? DEFAULT_POLICY.currency,
    budget,
    agents: agents.filter((a) => all.some((f) => f.agentId === a.id)),
    departments: taxonomy.departments,
    spends: all.flatMap((f) =>
      f.ledger
        .filter((e) => e.status !== 'rejected' && within(e.at))
        .map((e) => ({ agentId: f.agentId, at: e.at, amount: e.amount, reason: e.reason, status: e.status as 'done' | 'pending_approval' })),
    ),
    causes: (events ?? []).flatMap((e) => {
      const cause = causes.get(e.causeId);
      return cause && within(e.at) ? [{ at: e.at, causeId: e.causeId, label: cause.label, departmentId: cause.departmentId }] : [];
    }),
  };
}
