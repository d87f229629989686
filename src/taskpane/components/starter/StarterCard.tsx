/**
 * "Create starter sheets", offered when a workbook has none of the contract's names: Holdings, Targets,
 * Policy, Accounts and Owners with the sample household, each under its name, so a new user has a book
 * that plans at once. Inside Excel they are written into the open workbook; in standalone mode they come
 * as a download. What is in the way (a sheet or name of the same name) is listed, nothing replaced.
 */
import * as React from "react";
import { Body1, Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { ContractError } from "../../../contract/errors";
import { ErrorList } from "../ErrorList";

/** What creating did: a line saying what was written (or saved), or what is in the way. */
export type StarterResult = { ok: true; message: string } | { ok: false; errors: ContractError[] };

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
  },
  row: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM, flexWrap: "wrap" },
});

type State = { kind: "idle" } | { kind: "working" } | { kind: "done"; result: StarterResult } | { kind: "failed"; message: string };

/** where: "excel" writes into the open workbook, "download" saves a new one. */
export function StarterCard({ create, where, onSelect }: { create: () => Promise<StarterResult>; where: "excel" | "download"; onSelect?: (e: ContractError) => void }) {
  const s = useStyles();
  const [state, setState] = React.useState<State>({ kind: "idle" });
  const run = async () => {
    setState({ kind: "working" });
    try {
      setState({ kind: "done", result: await create() });
    } catch (err) {
      setState({ kind: "failed", message: err instanceof Error ? err.message : String(err) });
    }
  };
  const written = state.kind === "done" && state.result.ok;
  return (
    <section className={s.root} data-testid="starter" aria-labelledby="starter-title" data-state={state.kind === "done" ? (state.result.ok ? "written" : "blocked") : state.kind}>
      <Subtitle2 as="h2" id="starter-title">
        {where === "excel" ? "This workbook has none of the add-in's named ranges" : "New here? Start from the sample"}
      </Subtitle2>
      <Body1>
        {where === "excel"
          ? "Create starter sheets writes Holdings, Targets, Policy, Accounts and Owners with the sample household, each under its name, so you can rebalance at once and then type your own figures over the sample's. No sheet or name of yours is replaced."
          : "Create starter sheets downloads a workbook with Holdings, Targets, Policy, Accounts and Owners holding the sample household, each under its name: open it in Excel (or here) and type your own figures over the sample's."}
      </Body1>
      <div className={s.row}>
        <Button appearance={written ? "secondary" : "primary"} onClick={() => void run()} disabled={state.kind === "working" || written} data-testid="create-starter">
          Create starter sheets
        </Button>
        {state.kind === "working" && <Spinner size="tiny" label={where === "excel" ? "Writing the starter sheets…" : "Making the workbook…"} />}
      </div>
      <div aria-live="polite">
        {state.kind === "done" && state.result.ok && (
          <MessageBar intent="success" layout="multiline" data-testid="starter-done">
            <MessageBarBody>{state.result.message}</MessageBarBody>
          </MessageBar>
        )}
        {state.kind === "done" && !state.result.ok && (
          <ErrorList errors={state.result.errors} onSelect={onSelect} advice="Nothing was written: the starter sheets never replace a sheet or name of yours. Move these out of the way, or start from an empty workbook." />
        )}
        {state.kind === "failed" && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>The starter sheets were not {where === "excel" ? "written" : "made"}</MessageBarTitle>
              {state.message}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
    </section>
  );
}
