/**
 * The batch's worker pool: households planned on worker threads (piscina), as many at once as there
 * are workers, each worker loading the engine and HiGHS once. Results come back in the order of the
 * tasks whatever order the workers finish in, so 1 worker and 8 give the same outputs. A worker that
 * dies (out of memory, a crash in a dependency) fails its household, not the batch.
 */
import os from "os";
import path from "path";
import Piscina from "piscina";
import { failedRow } from "../plans/household-row";
import { HouseholdResult, HouseholdTask } from "./household";

export interface PoolOptions {
  /** Worker threads (default: the machine's cores). */
  jobs?: number;
  /** The worker module (default: the compiled worker.js beside this file; tests pass a loader of the .ts source). */
  workerFile?: string;
  /** Called as each household finishes, with the count done so far. */
  onResult?: (result: HouseholdResult, done: number, total: number) => void;
}

export function defaultJobs(): number {
  return Math.max(1, typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length);
}

export async function planHouseholds(tasks: HouseholdTask[], options: PoolOptions = {}): Promise<HouseholdResult[]> {
  if (tasks.length === 0) return [];
  const jobs = Math.max(1, Math.min(options.jobs ?? defaultJobs(), tasks.length));
  const pool = new Piscina<HouseholdTask, HouseholdResult>({
    filename: options.workerFile ?? path.join(__dirname, "worker.js"),
    minThreads: jobs,
    maxThreads: jobs,
    // Tasks wait in the main thread's queue, not in a worker's: a slow household never holds up others behind it.
    concurrentTasksPerWorker: 1,
  });
  const results: HouseholdResult[] = new Array(tasks.length);
  let next = 0;
  let done = 0;
  // Each worker takes tasks in turn from the list; only a few tasks are ever queued, so the main
  // thread holds the results and little else however many households there are.
  const feed = async (): Promise<void> => {
    while (next < tasks.length) {
      const i = next++;
      const task = tasks[i];
      results[i] = await pool
        .run(task)
        .catch((e: unknown): HouseholdResult => ({ rows: [failedRow(task.household, task.file, [`${task.file}: unexpected failure while planning (${(e as Error).message ?? e})`])], trades: [] }));
      done++;
      options.onResult?.(results[i], done, tasks.length);
    }
  };
  try {
    await Promise.all(Array.from({ length: jobs }, feed));
    return results;
  } finally {
    await pool.destroy();
  }
}
