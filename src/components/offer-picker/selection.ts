/**
 * The picker's selection model: what the agent chose (checked offers, one compensation, a custom
 * amount typed or set) and the chosen offers it stands for under a policy. No DOM and no words: the
 * element renders it and turns its amount error into a sentence.
 */
import type { ChosenOffer, RecoveryPolicy } from '../../core/model.js';
import type { Bundle } from '../../core/recovery.js';

/** How a typed amount reads (the composer's money parser, loaded with it). */
export type ParseAmount = (text: string) => { ok: true; value: number } | { ok: false; error: string };

/** The chosen offers under a policy, with the compensation amount and why it is not an amount. */
export interface Choice {
  chosen: ChosenOffer[];
  /** The compensation amount, in minor units (undefined: none, or not an amount). */
  amount: number | undefined;
  /** The amount's parse error code (`empty`, `negative`, `too_many_decimals`, `too_large`, `invalid`...). */
  amountError: string | null;
}

export class OfferSelection {
  /** The checked offers (not monetary). */
  picked = new Set<string>();
  /** The compensation chosen (null: none). */
  comp: string | null = null;
  /** What the agent typed in the custom amount (null: nothing typed, show `customMinor`). */
  customText: string | null = null;
  /** A custom amount set by a bundle or a restored value, in minor units. */
  customMinor: number | undefined;

  clear(): void {
    this.picked = new Set();
    this.comp = null;
    this.customText = null;
    this.customMinor = undefined;
  }

  /** Put a list of offers (a bundle, a restored value) into the selection. */
  apply(offers: readonly ChosenOffer[], catalog: RecoveryPolicy): void {
    this.clear();
    for (const chosen of offers) {
      const offer = catalog.offers.find((o) => o.id === chosen.offerId);
      if (!offer) continue;
      if (offer.monetary) {
        this.comp = offer.id;
        if (offer.customAmount) this.customMinor = chosen.amount;
      } else this.picked.add(offer.id);
    }
  }

  /** Restore the JSON of a `value` (anything else leaves the selection empty). */
  restore(json: string, catalog: RecoveryPolicy): void {
    this.clear();
    let list: unknown;
    try {
      list = JSON.parse(json);
    } catch {
      return;
    }
    if (!Array.isArray(list)) return;
    this.apply(
      list.filter((o): o is ChosenOffer => !!o && typeof (o as ChosenOffer).offerId === 'string'),
      catalog,
    );
  }

  toggle(offerId: string, on: boolean): void {
    if (on) this.picked.add(offerId);
    else this.picked.delete(offerId);
  }

  /** Choose a compensation (null: none); false when it was already chosen. */
  pickComp(id: string | null, catalog: RecoveryPolicy | null): boolean {
    if (this.comp === id) return false;
    this.comp = id;
    const offer = id ? catalog?.offers.find((o) => o.id === id) : undefined;
    if (offer?.customAmount && this.customText === null && this.customMinor === undefined) this.customMinor = offer.amount;
    return true;
  }

  /** The chosen offers in the policy's order; a typed amount is read by `parse`. */
  choice(policy: RecoveryPolicy, parse: ParseAmount | undefined): Choice {
    const chosen: ChosenOffer[] = [];
    let amount: number | undefined;
    let amountError: string | null = null;
    for (const offer of policy.offers) {
      if (offer.id === this.comp) {
        amount = offer.amount;
        if (offer.customAmount) {
          const parsed =
            this.customText !== null && parse
              ? parse(this.customText)
              : this.customMinor === undefined
                ? ({ ok: false, error: 'empty' } as const)
                : ({ ok: true, value: this.customMinor } as const);
          amount = parsed.ok ? parsed.value : undefined;
          if (!parsed.ok) amountError = parsed.error;
        }
        chosen.push({ offerId: offer.id, kind: offer.kind, label: offer.label, ...(amount !== undefined ? { amount } : {}) });
      } else if (this.picked.has(offer.id)) {
        chosen.push({ offerId: offer.id, kind: offer.kind, label: offer.label });
      }
    }
    return { chosen, amount, amountError };
  }
}

/** The recommended bundle the chosen offers are exactly (same offers, same amounts), if any. */
export function matchingBundle(bundles: readonly Bundle[], chosen: readonly ChosenOffer[]): Bundle | undefined {
  return bundles.find(
    (b) => b.offers.length === chosen.length && b.offers.every((o) => chosen.some((c) => c.offerId === o.offerId && c.amount === o.amount)),
  );
}
