/**
 * A linear program as plain data, and its text in the CPLEX LP format every LP solver reads. The
 * optimizer builds these; a solver adapter (src/solver/) solves them. Nothing here runs a solver.
 */

export interface Term {
  variable: string;
  coefficient: number;
}

export interface Row {
  name: string;
  terms: Term[];
  /** −Infinity for none. */
  lower: number;
  /** +Infinity for none. */
  upper: number;
}

export interface Column {
  name: string;
  lower: number;
  upper: number;
  integer?: boolean;
}

export interface LinearProgram {
  columns: Column[];
  rows: Row[];
  /** Minimised. */
  objective: Term[];
}

export interface Solution {
  /** "Optimal", "Infeasible", "Time limit reached", … as the solver says it. */
  status: string;
  /** Column name → value (missing = 0). */
  values: Map<string, number>;
  objective: number;
}

export interface SolveOptions {
  /** Seconds the solver may take. */
  timeLimit: number;
  /** False: solve without presolve (a retry when presolve wrongly calls a program infeasible). */
  presolve?: boolean;
}

/** What the engine needs of a solver: solve one program, synchronously. */
export interface Solver {
  readonly name: string;
  solve(program: LinearProgram, options: SolveOptions): Solution;
}

const num = (x: number) => {
  if (!Number.isFinite(x)) throw new Error(`not a finite coefficient: ${x}`);
  // Up to 15 significant digits, no exponent surprises for the LP reader.
  return Number(x.toPrecision(15)).toString();
};

function expression(terms: Term[]): string {
  const merged = new Map<string, number>();
  for (const t of terms) merged.set(t.variable, (merged.get(t.variable) ?? 0) + t.coefficient);
  const parts = [...merged].filter(([, c]) => c !== 0).map(([v, c], i) => `${c < 0 ? "- " : i === 0 ? "" : "+ "}${num(Math.abs(c))} ${v}`);
  return parts.length ? parts.join(" ") : "0 x_zero";
}

/** The program in CPLEX LP format (names must be LP identifiers: letters, digits, _). */
export function lpText(program: LinearProgram): string {
  const lines: string[] = ["Minimize", ` obj: ${expression(program.objective)}`, "Subject To"];
  for (const r of program.rows) {
    const e = expression(r.terms);
    if (r.lower === r.upper) lines.push(` ${r.name}: ${e} = ${num(r.lower)}`);
    else {
      if (r.lower > -Infinity) lines.push(` ${r.name}_lo: ${e} >= ${num(r.lower)}`);
      if (r.upper < Infinity) lines.push(` ${r.name}_hi: ${e} <= ${num(r.upper)}`);
    }
  }
  lines.push("Bounds", " x_zero = 0");
  for (const c of program.columns) {
    if (c.lower === -Infinity && c.upper === Infinity) lines.push(` ${c.name} free`);
    else if (c.lower === c.upper) lines.push(` ${c.name} = ${num(c.lower)}`);
    else lines.push(` ${c.lower === -Infinity ? "-inf" : num(c.lower)} <= ${c.name} <= ${c.upper === Infinity ? "+inf" : num(c.upper)}`);
  }
  const ints = program.columns.filter((c) => c.integer).map((c) => c.name);
  if (ints.length) lines.push("General", ` ${ints.join(" ")}`);
  lines.push("End");
  return lines.join("\n");
}
