/**
 * Inside Excel: the starter sheets offered when the open workbook has none of the contract's names
 * (asked again whenever `version` changes). Once offered, the card stays to say what it wrote.
 */
import * as React from "react";
import type { ExcelActions } from "../../office";
import { hasContractNames } from "../../../contract/snapshot";
import { StarterCard } from "./StarterCard";

export function ExcelStarter({ actions, version, onCreated }: { actions: ExcelActions; version: number; onCreated?: () => void }) {
  const [offer, setOffer] = React.useState(false);
  React.useEffect(() => {
    let live = true;
    actions.readWorkbook().then(
      (snapshot) => live && !hasContractNames(snapshot) && setOffer(true),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [actions, version]);
  if (!offer) return null;
  return (
    <StarterCard
      where="excel"
      onSelect={(e) => void actions.select(e.sheet, e.cell)}
      create={async () => {
        const outcome = await actions.createStarter();
        if (!outcome.ok) return outcome;
        onCreated?.();
        return { ok: true, message: `Wrote the sheets ${outcome.sheets.join(", ")} with the sample household, and the names ${outcome.names.join(", ")} over their tables. Click Rebalance to plan it, then type your own figures over the sample's.` };
      }}
    />
  );
}
