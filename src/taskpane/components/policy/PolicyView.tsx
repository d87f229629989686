/**
 * The Policy view: every Policy setting with its control (a dropdown for a choice, percent, dollar and
 * date inputs), each judged as the contract judges it while it is typed (the contract's own message on
 * the field, before anything is written); the Targets the same way, with their sum shown live. Save
 * writes the edited cells through the injected `save` (the file's bytes, or Excel) and shows the plan
 * the edited workbook makes; Discard puts the controls back. What changed is listed above the buttons.
 * A class can be added to Targets (a row below the range) or removed (its row cleared); a removal that
 * leaves Holdings naming the class is shown as the contract's problem at that Holdings cell.
 */
import * as React from "react";
import { Body1, Button, Caption1, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Select, Spinner, Subtitle2, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { ContractError } from "../../../contract/errors";
import type { WorkbookSnapshot } from "../../../contract/snapshot";
import type { PolicyField } from "../../../contract/policy-fields";
import { readPercent } from "../../../contract/cells";
import { targetSumProblem } from "../../../contract/targets";
import { PolicyEdits, policyEdit, policyForm } from "../../../plans/policy-edit";
import { TARGET_COLUMNS, TargetColumn, TargetEdits, TargetRowEdits, targetsEdit, targetsForm } from "../../../plans/targets-edit";
import { cellAddress } from "../../../a1";
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
  targetRow: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(110px, 1fr))", gap: tokens.spacingHorizontalS, alignItems: "end", border: "none", margin: 0, padding: 0, minWidth: 0 },
  addRow: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "end", minWidth: 0 },
  removed: { color: tokens.colorNeutralForeground3, textDecorationLine: "line-through" },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center", position: "sticky", bottom: 0, padding: `${tokens.spacingVerticalS} 0`, backgroundColor: tokens.colorNeutralBackground1 },
  changes: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  sum: { fontWeight: tokens.fontWeightSemibold },
  bad: { color: tokens.colorPaletteRedForeground1 },
});

type Texts = Record<string, string>;
/** No class added or removed (one object, so the memos that depend on it hold still). */
const NO_ROWS: { added: string[]; removed: string[] } = { added: [], removed: [] };
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
  // Classes added (their names, in order; their cells' texts are in the target texts) and removed, for one reading of the workbook.
  const [rowDraft, setRowDraft] = React.useState<{ for: Texts | null; added: string[]; removed: string[] }>({ for: null, added: [], removed: [] });
  const [newClass, setNewClass] = React.useState("");
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
  const rowsNow = rowDraft.for === originalTargets ? rowDraft : NO_ROWS;
  const setRows = (next: { added?: string[]; removed?: string[] }) => setRowDraft({ for: originalTargets, added: next.added ?? rowsNow.added, removed: next.removed ?? rowsNow.removed });

  const policyEdits: PolicyEdits = React.useMemo(() => {
    const out: Record<string, ReturnType<typeof settingValue>> = {};
    for (const st of form?.settings ?? []) if ((texts[st.field.setting] ?? "") !== (original[st.field.setting] ?? "")) out[st.field.setting] = settingValue(st.field, texts[st.field.setting] ?? "");
    return out;
  }, [form, texts, original]);
  const targetEdits: TargetEdits = React.useMemo(() => {
    const out: Record<string, Partial<Record<TargetColumn, ReturnType<typeof percentValue>>>> = {};
    for (const [k, t] of Object.entries(targetTexts)) {
      if (!(k in originalTargets) || t === originalTargets[k]) continue;
      const [assetClass, column] = k.split("\u0000") as [string, TargetColumn];
      if (rowsNow.removed.includes(assetClass)) continue;
      (out[assetClass] ??= {})[column] = percentValue(t);
    }
    return out;
  }, [targetTexts, originalTargets, rowsNow.removed]);
  const rowEdits: TargetRowEdits = React.useMemo(() => {
    const add: Record<string, Partial<Record<TargetColumn, ReturnType<typeof percentValue>>>> = {};
    // Each added class: its Target, and the band columns the range has that are filled in.
    for (const name of rowsNow.added) add[name] = Object.fromEntries(TARGET_COLUMNS.filter((c) => tform?.columns[c] !== null && (c === "Target" || (targetTexts[tkey(name, c)] ?? "") !== "")).map((c) => [c, percentValue(targetTexts[tkey(name, c)] ?? "")]));
    return { ...(rowsNow.added.length ? { add } : {}), ...(rowsNow.removed.length ? { remove: rowsNow.removed } : {}) };
  }, [rowsNow.added, rowsNow.removed, targetTexts, tform]);

  // The contract's verdict on the edited workbook, as it is typed (a step behind the keys on a large workbook: Save judges again).
  const deferredPolicy = React.useDeferredValue(policyEdits);
  const deferredTargets = React.useDeferredValue(targetEdits);
  const deferredRows = React.useDeferredValue(rowEdits);
  const judged = React.useMemo(() => {
    if (!snapshot || !form || form.errors.length > 0) return null;
    const p = policyEdit(snapshot, deferredPolicy);
    if (!p.ok) return { general: p.errors, byCell: new Map<string, ContractError[]>(), cellOf: new Map<string, string>(), policyCount: 0, targets: null };
    const t = tform && tform.errors.length === 0 ? targetsEdit(p.snapshot, deferredTargets, {}, deferredRows) : null;
    const problems = [...p.problems, ...(t?.ok ? t.problems : t ? t.errors : [])];
    const cellOf = new Map<string, string>();
    for (const st of form.settings) if (st.cell) cellOf.set(st.field.setting, `${form.range!.sheet}!${st.cell}`);
    for (const c of p.changes) cellOf.set(c.setting, `${p.edit!.sheet}!${c.cell}`);
    for (const r of tform?.rows ?? []) for (const c of TARGET_COLUMNS) if (r.cells[c]) cellOf.set(tkey(r.assetClass, c), `${tform!.sheet}!${r.cells[c]!.cell}`);
    // An added class's cells: the rows below the range, in the order added.
    if (tform) (deferredRows.add ? Object.keys(deferredRows.add) : []).forEach((name, i) => TARGET_COLUMNS.forEach((c) => tform.columns[c] !== null && cellOf.set(tkey(name, c), `${tform.sheet}!${cellAddress(tform.nextRow + i, tform.columns[c]!)}`)));
    const byCell = new Map<string, ContractError[]>();
    const placed = new Set(cellOf.values());
    const general: ContractError[] = [];
    for (const e of problems) {
      const at = `${e.sheet}!${e.cell}`;
      if (placed.has(at)) byCell.set(at, [...(byCell.get(at) ?? []), e]);
      else general.push(e);
    }
    return { general, byCell, cellOf, policyCount: p.changes.length, targets: t };
  }, [snapshot, form, tform, deferredPolicy, deferredTargets, deferredRows]);
  const judging = deferredPolicy !== policyEdits || deferredTargets !== targetEdits || deferredRows !== rowEdits;

  if (!source) return <Spinner size="tiny" label="Reading the Policy…" />;
  if (!source.ok) return <ErrorList errors={source.errors} onSelect={onSelect} />;
  if (!form || !tform) return null;

  const changes = [
    ...form.settings.filter((st) => st.field.setting in policyEdits).map((st) => `${st.field.setting}: ${shown(st.field, original[st.field.setting] ?? "")} → ${shown(st.field, texts[st.field.setting] ?? "")}`),
    ...Object.entries(targetEdits).flatMap(([cls, cols]) => Object.keys(cols).map((c) => `${cls} ${c}: ${shown(null, originalTargets[tkey(cls, c as TargetColumn)] ? `${originalTargets[tkey(cls, c as TargetColumn)]}%` : "")} → ${shown(null, targetTexts[tkey(cls, c as TargetColumn)] ? `${targetTexts[tkey(cls, c as TargetColumn)]}%` : "")}`)),
    ...rowsNow.removed.map((cls) => `Remove class ${cls}`),
    ...rowsNow.added.map((cls) => `Add class ${cls}: target ${targetTexts[tkey(cls, "Target")] ? `${targetTexts[tkey(cls, "Target")]}%` : "blank"}`),
  ];
  const problemCount = judged ? judged.general.length + [...judged.byCell.values()].reduce((n, l) => n + l.length, 0) : 0;
  const messageOf = (key: string) => {
    const at = judged?.cellOf.get(key);
    return at ? judged!.byCell.get(at)?.map((e) => e.message).join("; ") : undefined;
  };

  const discard = () => {
    setDraft({ for: original, texts: original });
    setTargetDraft({ for: originalTargets, texts: originalTargets });
    setRowDraft({ for: originalTargets, added: [], removed: [] });
    setNewClass("");
  };
  const onSave = async () => {
    setSaving(true);
    setResult(null);
    try {
      const edits: WorkbookEdits = { ...(Object.keys(policyEdits).length ? { policy: policyEdits } : {}), ...(Object.keys(targetEdits).length ? { targets: targetEdits } : {}), ...(rowEdits.add || rowEdits.remove ? { targetRows: rowEdits } : {}) };
      const r = await save(edits);
      setResult(r);
      if (r.ok) await reload();
    } catch (err) {
      setResult({ ok: "failed", message: err instanceof Error ? err.message : String(err) });
    } finally {
      setSaving(false);
    }
  };

  const sum = [...tform.rows.map((r) => r.assetClass).filter((c) => !rowsNow.removed.includes(c)), ...rowsNow.added].reduce((acc, c) => {
    const t = targetTexts[tkey(c, "Target")] ?? "";
    const p = readPercent(percentValue(t) ?? "");
    return p.ok && acc !== null ? acc + p.value : null;
  }, 0 as number | null);
  const listed = (name: string) => [...tform.rows.map((r) => r.assetClass).filter((c) => !rowsNow.removed.includes(c)), ...rowsNow.added].some((c) => c.toLowerCase() === name.trim().toLowerCase());
  const addClass = () => {
    const name = newClass.trim();
    if (name === "" || listed(name)) return;
    // A class removed and added again is the same row kept.
    const was = rowsNow.removed.find((c) => c.toLowerCase() === name.toLowerCase());
    if (was) setRows({ removed: rowsNow.removed.filter((c) => c !== was) });
    else setRows({ added: [...rowsNow.added, name] });
    setNewClass("");
  };
  const targetInput = (cls: string, c: TargetColumn, disabled = false) => {
    const k = tkey(cls, c);
    const message = disabled ? undefined : messageOf(k);
    const added = rowsNow.added.includes(cls);
    return (
      <Field key={c} label={`${cls} ${c === "Target" ? "target" : c.toLowerCase()}`} validationState={message ? "error" : "none"} validationMessage={message} hint={added ? (c === "Target" ? "New class" : "Blank: the Policy's") : targetTexts[k] !== originalTargets[k] ? `was ${originalTargets[k] ? `${originalTargets[k]}%` : "blank"}` : c === "Target" ? undefined : "Blank: the Policy's"}>
        <Input className={s.control} inputMode="decimal" contentAfter="%" disabled={disabled} value={targetTexts[k] ?? ""} data-testid={`target-input-${cls}-${c}`} onChange={(_, d) => setTargetTexts((prev) => ({ ...prev, [k]: d.value }))} />
      </Field>
    );
  };
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
            {tform.rows.map((r) => {
              const gone = rowsNow.removed.includes(r.assetClass);
              return (
                <fieldset key={r.assetClass} className={s.targetRow} data-testid={`target-row-${r.assetClass}`} data-removed={gone || undefined}>
                  <legend className={mergeClasses(s.legend, gone && s.removed)}>{gone ? `${r.assetClass} (removed on save)` : r.assetClass}</legend>
                  {TARGET_COLUMNS.filter((c) => r.cells[c]).map((c) => targetInput(r.assetClass, c, gone))}
                  <Button appearance="subtle" data-testid={`target-remove-${r.assetClass}`} aria-label={gone ? `Keep ${r.assetClass}` : `Remove ${r.assetClass}`} onClick={() => setRows({ removed: gone ? rowsNow.removed.filter((c) => c !== r.assetClass) : [...rowsNow.removed, r.assetClass] })}>
                    {gone ? "Keep" : "Remove"}
                  </Button>
                </fieldset>
              );
            })}
            {rowsNow.added.map((cls) => (
              <fieldset key={`added-${cls}`} className={s.targetRow} data-testid={`target-row-${cls}`} data-added>
                <legend className={s.legend}>{cls} (new)</legend>
                {TARGET_COLUMNS.filter((c) => tform.columns[c] !== null).map((c) => targetInput(cls, c))}
                <Button appearance="subtle" data-testid={`target-remove-${cls}`} aria-label={`Do not add ${cls}`} onClick={() => setRows({ added: rowsNow.added.filter((c) => c !== cls) })}>
                  Do not add
                </Button>
              </fieldset>
            ))}
            <div className={s.addRow}>
              <Field label="New class" hint={newClass.trim() !== "" && listed(newClass) ? "Targets lists it already" : "A row below the Targets range"}>
                <Input value={newClass} data-testid="target-new-class" onChange={(_, d) => setNewClass(d.value)} onKeyDown={(e) => e.key === "Enter" && addClass()} />
              </Field>
              <Button data-testid="target-add" disabled={newClass.trim() === "" || listed(newClass)} onClick={addClass}>
                Add class
              </Button>
            </div>
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
