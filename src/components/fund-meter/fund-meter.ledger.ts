/**
 * The fund meter's ledger, loaded with its view (fund-meter.view.ts): every entry of the
 * period (newest first) and the totals by reason, as two tables.
 */
import { html, type TemplateResult } from 'lit';
import { totalsByReason } from '../../core/fund.js';
import type { Fund, LedgerEntry, SpendStatus } from '../../core/model.js';
import type { fundMeterStrings } from './fund-meter.js';

type FundKey = keyof typeof fundMeterStrings;

/** The meter's words for the tables. */
export interface LedgerWords {
  t(key: FundKey): string;
  money(minor: number): string;
  date(iso: string): string;
  reason(code: string): string;
}

const STATUS_KEY: Record<SpendStatus, FundKey> = {
  done: 'fundStatusDone',
  pending_approval: 'fundStatusPending',
  rejected: 'fundStatusRejected',
};

export function renderLedger(fund: Fund, w: LedgerWords): TemplateResult {
  const { t, money: m } = w;
  if (fund.ledger.length === 0) return html`<p part="empty" class="quiet">${t('fundNoEntries')}</p>`;
  const entries = [...fund.ledger].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  const totals = totalsByReason(fund.ledger);
  // A narrow panel scrolls the entries sideways inside the widget, never out of it; the region
  // takes focus so a keyboard can scroll it too.
  return html`<div part="ledger-scroll" class="scroll" tabindex="0" role="region" aria-labelledby="ledger-caption">
      <table part="ledger-table" class="table">
        <caption id="ledger-caption">${t('fundLedger')}</caption>
        <thead>
          <tr>
            <th scope="col">${t('fundDate')}</th>
            <th scope="col" class="num">${t('fundAmount')}</th>
            <th scope="col">${t('fundReason')}</th>
            <th scope="col">${t('fundInteraction')}</th>
            <th scope="col">${t('fundStatus')}</th>
          </tr>
        </thead>
        <tbody>
          ${entries.map(
            (e: LedgerEntry) => html`<tr data-status=${e.status}>
              <td><time datetime=${e.at}>${w.date(e.at)}</time></td>
              <td class="num">${m(e.amount)}</td>
              <td>${w.reason(e.reason)}</td>
              <td class="id">${e.interactionId}</td>
              <td>${t(STATUS_KEY[e.status] ?? 'fundStatusDone')}</td>
            </tr>`,
          )}
        </tbody>
      </table></div>
      <table part="totals-table" class="table">
        <caption>${t('fundTotals')}</caption>
        <thead>
          <tr>
            <th scope="col">${t('fundReason')}</th>
            <th scope="col" class="num">${t('fundCount')}</th>
            <th scope="col" class="num">${t('fundAmount')}</th>
          </tr>
        </thead>
        <tbody>
          ${totals.map(
            (r) => html`<tr>
              <th scope="row">${w.reason(r.reason)}</th>
              <td class="num">${r.count}</td>
              <td class="num">${m(r.amount)}</td>
            </tr>`,
          )}
        </tbody>
      </table>`;
}
