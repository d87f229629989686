/** Whether to rebalance now: band, calendar or hybrid trigger, with reasons an advisor can read. */
import { Policy } from "../contract/portfolio";
import { ClassRow, TriggerDecision } from "./types";
import { nextReviewDate } from "../dates/calendar";

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
const pp = (x: number) => `${x >= 0 ? "+" : ""}${(x * 100).toFixed(2)} pp`;

export function decideTrigger(classes: ClassRow[], policy: Policy): TriggerDecision {
  const out = classes.filter((c) => c.status === "Over" || c.status === "Under");
  const locked = classes.filter((c) => c.status === "Locked");
  const bandReasons = out.map(
    (c) => `${c.assetClass} is ${c.status === "Over" ? "over" : "under"} its band: ${pct(c.weight)} vs target ${pct(c.target)} (drift ${pp(c.drift)}, allowed ±${(c.band * 100).toFixed(2)} pp)`,
  );
  const lockedReasons = locked.map(
    (c) => `${c.assetClass} is out of band (${pct(c.weight)} vs target ${pct(c.target)}) but locked: nothing in it can be traded`,
  );
  const bandDue = out.length > 0;

  const nextReview = policy.lastRebalanced ? nextReviewDate(policy.lastRebalanced, policy.frequency) : null;
  const calendarDue = nextReview === null || policy.asOf >= nextReview;
  const calendarReason =
    nextReview === null
      ? `No Last Rebalanced date: a ${policy.frequency.toLowerCase()} review is due now`
      : calendarDue
        ? `${policy.frequency} review was due on ${nextReview} (last rebalanced ${policy.lastRebalanced})`
        : `${policy.frequency} review not due until ${nextReview} (last rebalanced ${policy.lastRebalanced})`;
  const noBandReason = "Every class is within its band";

  let rebalance: boolean;
  let reasons: string[];
  switch (policy.trigger) {
    case "Band":
      rebalance = bandDue;
      reasons = bandDue ? bandReasons : [noBandReason];
      break;
    case "Calendar":
      rebalance = calendarDue;
      reasons = [calendarReason];
      break;
    case "Hybrid":
      rebalance = calendarDue && bandDue;
      reasons = [calendarReason, ...(bandDue ? bandReasons : [noBandReason])];
      break;
  }
  return {
    rebalance,
    reasons: [...reasons, ...lockedReasons],
    nextReview: nextReview ?? policy.asOf,
  };
}
