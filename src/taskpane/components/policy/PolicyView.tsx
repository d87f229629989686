/**
 * The Policy view: every Policy setting with its control (a dropdown for a choice, percent, dollar and
 * date inputs), each judged as the contract judges it while it is typed (the contract's own message on
 * the field, before anything is written); the Targets the same way, with their sum shown live. Save
 * writes the edited cells through the injected `save` (the file's bytes, or Excel) and shows the plan
 * the edited workbook makes; Discard puts the controls back. What changed is listed above the buttons.
 */
import * as React from "react";
import { Body1, Button, Caption1, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Select, Spinner, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { ContractError } from "../../../contract/errors";
import type { WorkbookSnapshot } from "../../../contract/snapshot";
import type { PolicyField } from "../../../contract/policy-fields";
import { readPercent } from "../../../contract/cells";
import { targetSumProblem } from "../../../contract/targets";
import { PolicyEdits, policyEdit, policyForm } from "../../../plans/policy-edit";
import { TARGET_COLUMNS, TargetColumn, TargetEdits, targetsEdit, targetsForm } from "../../../plans/targets-edit";
import type { WorkbookEdits } from "../../../plans/workbook-edit";
import type { PlanOutcome } from "../../../plans/plan-outcome";
import { percent } from "../../../display";
import { ErrorList } from "../ErrorList";
import { BookView } from "../plan/BookView";
import { formText, percentText, percentValue, settingValue } from "./fieldText";

export type PolicySource = { ok: true; snapshot: WorkbookSnapshot } | { ok: false; errors: ContractError[] };
export type SaveOutcome = { ok: true; written: string[]; book: PlanOutcome } | { ok: false; errors: ContractError[] };

export interface PolicyViewProps {
  /** Reads the workbook as it is now. */
  load: () => Promise<PolicySource>;
  /** Writes the edits (nothing when the contract finds a problem) and plans the edited workbook. */
  save: (edits: WorkbookEdits) => Promise<SaveOutcome>;
  /** Inside Excel: a problem's address selects its cell. */
  onSelect?: (e: ContractError) => void;
  /** Reloads when it changes (a new file, an edit saved elsewhere). */
  version?: number;
}

const GROUPS: PolicyField["group"][] = ["Decision", "Trades", "Costs and cash", "Tax", "Optimizer", "SDIRA", "Backtests"];

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  group: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(220px, 1fr))", gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, border: "none", margin: 0, padding: 0, minWidth: 0 },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS },
  control: { width: "100%", minWidth: 0 },
  targets: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  targetRow: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(110px, 1fr))", gap: tokens.spacingHorizontalS, border: "none", margin: 0, padding: 0, minWidth: 0 },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center", position: "sticky", bottom: 0, padding: `${tokens.spacingVerticalS} 0`, backgroundColor: tokens.colorNeutralBackground1 },
  changes: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  sum: { fontWeight: tokens.fontWeightSemibold },
  bad: { color: tokens.colorPaletteRedForeground1 },
});

type Texts = Record<string, string>;
const tkey = (assetClass: string, column: TargetColumn) => `${assetClass}\u0000${column}`;

/** A percent cell as its control shows it ("5" for 5%). */
const targetText = (v: unknown) => {
  if (v === null || v === undefined || v === "") return "";
  const p = readPercent(v as never);
  return p.ok ? percentText(p.value) : String(v);
};

function Control({ field, id, value, onChange, invalid }: { field: PolicyField; id: string; value: string; onChange: (v: string) => void; invalid: boolean }) {
  const s = useStyles();
  const common = { id, className: s.control, "aria-invalid": invalid || undefined, "data-testid": `policy-input-${field.setting}` };
  if (field.kind === "choice") {
    const known = field.options ?? [];
    return (
      <Select {...common} value={value} onChange={(_, d) => onChange(d.value)}>
        <option value="">Default ({field.blank})</option>
        {known.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
        {value !== "" && !known.includes(value) && <option value={value}>{value} (not a choice)</option>}
      </Select>
    );
  }
  const input = (props: Partial<React.ComponentProps<typeof Input>>) => <Input {...common} value={value} onChange={(_, d) => onChange(d.value)} placeholder={`Default: ${field.blank}`} {...props} />;
  switch (field.kind) {
    case "percent":
    case "band":
      return input({ inputMode: "decimal", contentAfter: "%" });
    case "money":
      return input({ inputMode: "decimal", contentBefore: "$" });
    case "cashFlow":
      return input({ contentBefore: "$" });
    case "bps":
      return input({ inputMode: "decimal", contentAfter: "bps" });
    case "integer":
    case "number":
      return input({ inputMode: "decimal" });
    case "date":
      return input({ type: "date" });
    default:
      return input({});
  }
}

/** A value as the list of changes shows it. */
const shown = (field: PolicyField | null, t: string) => (t === "" ? `default (${field?.blank ?? "blank"})` : field && (field.kind === "percent" || field.kind === "band") && t !== "None" ? `${t}%` : t);

export function PolicyView({ load, save, onSelect, version = 0 }: PolicyViewProps) {
  const s = useStyles();
  const [source, setSource] = React.useState<PolicySource | null>(null);
  // The controls' texts, made for one reading of the workbook (a new reading starts from its values).
  const [draft, setDraft] = React.useState<{ for: Texts | null; texts: Texts }>({ for: null, texts: {} });
  const [targetDraft, setTargetDraft] = React.useState<{ for: Texts | null; texts: Texts }>({ for: null, texts: {} });
  const [saving, setSaving] = React.useState(false);
  const [result, setResult] = React.useState<SaveOutcome | { ok: "failed"; message: string } | null>(null);

  // The latest loader, without reloading on every render of a parent that makes a new one each time.
  const loader = React.useRef(load);
  loader.current = load;
  const reload = React.useCallback(async () => {
    try {
      setSource(await loader.current());
    } catch (err) {
      setSource({ ok: false, errors: [{ sheet: "", cell: "", message: String(err instanceof Error ? err.message : err), text: `Could not read the workbook: ${err instanceof Error ? err.message : String(err)}` }] });
    }
  }, []);
  React.useEffect(() => {
    void reload();
  }, [reload, version]);

  const snapshot = source?.ok ? source.snapshot : null;
  const form = React.useMemo(() => (snapshot ? policyForm(snapshot) : null), [snapshot]);
  const tform = React.useMemo(() => (snapshot ? targetsForm(snapshot) : null), [snapshot]);
  const original = React.useMemo(() => Object.fromEntries((form?.settings ?? []).map((st) => [st.field.setting, formText(st.field, st.value, form!.dateSystem)])), [form]);
  const originalTargets = React.useMemo(
    () => Object.fromEntries((tform?.rows ?? []).flatMap((r) => TARGET_COLUMNS.filter((c) => r.cells[c]).map((c) => [tkey(r.assetClass, c), targetText(r.cells[c]!.value)]))),
    [tform],
  );
  const texts = draft.for === original ? draft.texts : original;
  const targetTexts = targetDraft.for === originalTargets ? targetDraft.texts : originalTargets;
  const setTexts = (f: (prev: Texts) => Texts) => setDraft({ for: original, texts: f(texts) });
  const setTargetTexts = (f: (prev: Texts) => Texts) => setTargetDraft({ for: originalTargets, texts: f(targetTexts) });

  const policyEdits: PolicyEdits = React.useMemo(() => {
    const out: Record<string, ReturnType<typeof settingValue>> = {};
    for (const st of form?.settings ?? []) if ((texts[st.field.setting] ?? "") !== (original[st.field.setting] ?? "")) out[st.field.setting] = settingValue(st.field, texts[st.field.setting] ?? "");
    return out;
  }, [form, texts, original]);
  const targetEdits: TargetEdits = React.useMemo(() => {
    const out: Record<string, Partial<Record<TargetColumn, ReturnType<typeof percentValue>>>> = {};
    for (const [k, t] of Object.entries(targetTexts)) {
      if (t === originalTargets[k]) continue;
      const [assetClass, column] = k.split("\u0000") as [string, TargetColumn];
      (out[assetClass] ??= {})[column] = percentValue(t);
    }
    return out;
  }, [targetTexts, originalTargets]);

  // The contract's verdict on the edited workbook, as it is typed (a step behind the keys on a large workbook: Save judges again).
  const deferredPolicy = React.useDeferredValue(policyEdits);
  const deferredTargets = React.useDeferredValue(targetEdits);
  const judged = React.useMemo(() => {
    if (!snapshot || !form || form.errors.length > 0) return null;
    const p = policyEdit(snapshot, deferredPolicy);
    if (!p.ok) return { general: p.errors, byCell: new Map<string, ContractError[]>(), cellOf: new Map<string, string>(), policyCount: 0, targets: null };
    const t = tform && tform.errors.length === 0 ? targetsEdit(p.snapshot, deferredTargets) : null;
    const problems = [...p.problems, ...(t?.ok ? t.problems : t ? t.errors : [])];
    const cellOf = new Map<string, string>();
    for (const st of form.settings) if (st.cell) cellOf.set(st.field.setting, `${form.range!.sheet}!${st.cell}`);
    for (const c of p.changes) cellOf.set(c.setting, `${p.edit!.sheet}!${c.cell}`);
    for (const r of tform?.rows ?? []) for (const c of TARGET_COLUMNS) if (r.cells[c]) cellOf.set(tkey(r.assetClass, c), `${tform!.sheet}!${r.cells[c]!.cell}`);
    const byCell = new Map<string, ContractError[]>();
    const placed = new Set(cellOf.values());
    const general: ContractError[] = [];
    for (const e of problems) {
      const at = `${e.sheet}!${e.cell}`;
      if (placed.has(at)) byCell.set(at, [...(byCell.get(at) ?? []), e]);
      else general.push(e);
    }
    return { general, byCell, cellOf, policyCount: p.changes.length, targets: t };
  }, [snapshot, form, tform, deferredPolicy, deferredTargets]);
  const judging = deferredPolicy !== policyEdits || deferredTargets !== targetEdits;

  if (!source) return <Spinner size="tiny" label="Reading the Policy…" />;
  if (!source.ok) return <ErrorList errors={source.errors} onSelect={onSelect} />;
  if (!form || !tform) return null;

  const changes = [
    ...form.settings.filter((st) => st.field.setting in policyEdits).map((st) => `${st.field.setting}: ${shown(st.field, original[st.field.setting] ?? "")} → ${shown(st.field, texts[st.field.setting] ?? "")}`),
    ...Object.entries(targetEdits).flatMap(([cls, cols]) => Object.keys(cols).map((c) => `${cls} ${c}: ${shown(null, originalTargets[tkey(cls, c as TargetColumn)] ? `${originalTargets[tkey(cls, c as TargetColumn)]}%` : "")} → ${shown(null, targetTexts[tkey(cls, c as TargetColumn)] ? `${targetTexts[tkey(cls, c as TargetColumn)]}%` : "")}`)),
  ];
  const problemCount = judged ? judged.general.length + [...judged.byCell.values()].reduce((n, l) => n + l.length, 0) : 0;
  const messageOf = (key: string) => {
    const at = judged?.cellOf.get(key);
    return at ? judged!.byCell.get(at)?.map((e) => e.message).join("; ") : undefined;
  };

  const discard = () => {
    setDraft({ for: original, texts: original });
    setTargetDraft({ for: originalTargets, texts: originalTargets });
  };
  const onSave = async () => {
    setSaving(true);
    setResult(null);
    try {
      const edits: WorkbookEdits = { ...(Object.keys(policyEdits).length ? { policy: policyEdits } : {}), ...(Object.keys(targetEdits).length ? { targets: targetEdits } : {}) };
      const r = await save(edits);
      setResult(r);
      if (r.ok) await reload();
    } catch (err) {
      setResult({ ok: "failed", message: err instanceof Error ? err.message : String(err) });
    } finally {
      setSaving(false);
    }
  };

  const sum = tform.rows.reduce((acc, r) => {
    const t = targetTexts[tkey(r.assetClass, "Target")] ?? "";
    const p = readPercent(percentValue(t) ?? "");
    return p.ok && acc !== null ? acc + p.value : null;
  }, 0 as number | null);
  const sumProblem = sum === null ? "A Target is blank or not a percent" : targetSumProblem(sum);

  return (
    <section className={s.root} data-testid="policy-view" aria-labelledby="policy-title">
      <Subtitle2 as="h2" id="policy-title">
        Policy and Targets
      </Subtitle2>
      <Body1>
        {form.range ? (
          <>
            Edits go into the <b>Policy</b> range ({form.range.sheet}) and the <b>Targets</b> range, and nowhere else; a setting the range does not list gets a row below it. A blank setting means its default.
          </>
        ) : (
          <>This workbook has no <b>Policy</b> range: saving makes a Policy sheet with the settings you set. A blank setting means its default.</>
        )}
      </Body1>
      {form.errors.length > 0 && <ErrorList errors={form.errors} onSelect={onSelect} />}
      {GROUPS.map((g) => {
        const fields = form.settings.filter((st) => st.field.group === g);
        return (
          <fieldset key={g} className={s.group}>
            <legend className={s.legend}>
              <Subtitle2 as="h3">{g}</Subtitle2>
            </legend>
            {fields.map((st) => {
              const name = st.field.setting;
              const message = messageOf(name);
              const was = original[name] ?? "";
              const changed = (texts[name] ?? "") !== was;
              const id = `policy-${name.replace(/\s+/g, "-").toLowerCase()}`;
              return (
                <Field
                  key={name}
                  label={name}
                  data-testid={`policy-field-${name}`}
                  data-changed={changed || undefined}
                  validationState={message ? "error" : "none"}
                  validationMessage={message}
                  hint={changed ? `Changed, was ${shown(st.field, was)}` : `Blank: ${st.field.blank}${st.cell ? "" : " (not in the range yet)"}`}
                >
                  <Control field={st.field} id={id} value={texts[name] ?? ""} invalid={!!message} onChange={(v) => setTexts((prev) => ({ ...prev, [name]: v }))} />
                </Field>
              );
            })}
          </fieldset>
        );
      })}
      <section className={s.targets} aria-labelledby="targets-title" data-testid="targets-editor">
        <Subtitle2 as="h3" id="targets-title">
          Targets
        </Subtitle2>
        {tform.errors.length > 0 ? (
          <Caption1>{tform.errors.map((e) => e.text).join("; ")}</Caption1>
        ) : (
          <>
            {tform.rows.map((r) => (
              <fieldset key={r.assetClass} className={s.targetRow}>
                <legend className={s.legend}>{r.assetClass}</legend>
                {TARGET_COLUMNS.filter((c) => r.cells[c]).map((c) => {
                  const k = tkey(r.assetClass, c);
                  const message = messageOf(k);
                  return (
                    <Field key={c} label={`${r.assetClass} ${c === "Target" ? "target" : c.toLowerCase()}`} validationState={message ? "error" : "none"} validationMessage={message} hint={targetTexts[k] !== originalTargets[k] ? `was ${originalTargets[k] ? `${originalTargets[k]}%` : "blank"}` : c === "Target" ? undefined : "Blank: the Policy's"}>
                      <Input className={s.control} inputMode="decimal" contentAfter="%" value={targetTexts[k] ?? ""} data-testid={`target-input-${r.assetClass}-${c}`} onChange={(_, d) => setTargetTexts((prev) => ({ ...prev, [k]: d.value }))} />
                    </Field>
                  );
                })}
              </fieldset>
            ))}
            <Body1 className={sumProblem ? s.bad : s.sum} data-testid="targets-sum" aria-live="polite">
              Sum {sum === null ? "—" : percent(sum)}
              {sumProblem ? `: ${sumProblem}` : " ✓"}
            </Body1>
          </>
        )}
      </section>
      {judged && judged.general.length > 0 && <ErrorList errors={judged.general} onSelect={onSelect} advice="Fix these before saving; nothing is written while a problem remains." />}
      <div aria-live="polite" data-testid="policy-changes" data-count={changes.length}>
        {changes.length === 0 ? (
          <Caption1>No changes.</Caption1>
        ) : (
          <>
            <Caption1>
              {changes.length} change{changes.length === 1 ? "" : "s"}
              {problemCount > 0 ? `, ${problemCount} problem${problemCount === 1 ? "" : "s"} to fix first` : ""}:
            </Caption1>
            <ul className={s.changes}>
              {changes.map((c) => (
                <li key={c}>
                  <Caption1>{c}</Caption1>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <div className={s.actions}>
        <Button appearance="primary" data-testid="policy-save" disabled={saving || judging || changes.length === 0 || problemCount > 0} onClick={() => void onSave()}>
          Save
        </Button>
        <Button data-testid="policy-discard" disabled={saving || changes.length === 0} onClick={discard}>
          Discard
        </Button>
        {saving && <Spinner size="tiny" label="Writing and planning…" />}
      </div>
      <div aria-live="polite" data-testid="policy-result" data-state={result === null ? "none" : result.ok === true ? "saved" : "failed"}>
        {result && result.ok === "failed" && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Could not save</MessageBarTitle>
              {result.message}
            </MessageBarBody>
          </MessageBar>
        )}
        {result && result.ok === false && <ErrorList errors={result.errors} onSelect={onSelect} advice="Nothing was written." />}
        {result && result.ok === true && (
          <>
            <MessageBar intent="success" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>Saved</MessageBarTitle>
                {result.written.length > 0 ? `Wrote ${result.written.join(", ")}.` : "Nothing needed writing."} The plan with these settings:
              </MessageBarBody>
            </MessageBar>
            {result.book.ok ? <BookView households={result.book.households} /> : <ErrorList errors={result.book.errors} onSelect={onSelect} />}
          </>
        )}
      </div>
    </section>
  );
}
