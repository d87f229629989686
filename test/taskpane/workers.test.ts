/**
 * @jest-environment node
 *
 * The pane's worker lanes (src/taskpane/workers.ts) over a stand-in Worker: a MessageChannel in this thread
 * with comlink exposing a small API at its far end, ended by terminate() as a real worker is. Cancel ends the
 * file work it is for; a comparison under way in the same worker starts again in the fresh one and finishes,
 * and the warm-up's solver load is asked for again.
 */
import { MessageChannel } from "worker_threads";
import { expose } from "comlink";
import nodeEndpoint from "comlink/dist/umd/node-adapter";

/** Every stand-in worker started, with what it was asked. */
const started: { calls: string[]; terminated: boolean; release: Map<string, () => void>; close: () => void }[] = [];

class StandInWorker {
  private readonly port;
  constructor() {
    const { port1, port2 } = new MessageChannel();
    const record = { calls: [] as string[], terminated: false, release: new Map<string, () => void>(), close: () => (port1.close(), port2.close()) };
    started.push(record);
    // Each job waits until the test releases it (by name), so a Cancel can come while it runs.
    const held = (name: string, value: unknown) => () => {
      record.calls.push(name);
      return new Promise((resolve) => record.release.set(name, () => resolve(value)));
    };
    expose({ compare: held("compare", { ok: true, variants: [] }), plan: held("plan", { ok: true, households: [] }), warm: async () => void record.calls.push("warm") }, nodeEndpoint(port2));
    this.port = nodeEndpoint(port1);
    this.terminate = () => {
      record.terminated = true;
      port1.close();
      port2.close();
    };
  }
  terminate: () => void;
  postMessage(message: unknown, transfer?: Transferable[]) {
    this.port.postMessage(message, transfer);
  }
  addEventListener(type: string, listener: EventListenerOrEventListenerObject) {
    if (type === "message") this.port.addEventListener(type, listener);
  }
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject) {
    if (type === "message") this.port.removeEventListener(type, listener);
  }
}

const until = async (f: () => boolean) => {
  for (let i = 0; i < 200 && !f(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(f()).toBe(true);
};

beforeAll(() => {
  (globalThis as { Worker?: unknown }).Worker = StandInWorker;
});
afterAll(() => {
  for (const w of started) w.close();
  delete (globalThis as { Worker?: unknown }).Worker;
});

test("Cancel ends the plan it is for; a comparison under way starts again in the fresh worker and finishes; the warm-up is asked again", async () => {
  const { CancelledError, cancelFileWork, fileWork, outlivingCancel } = await import("../../src/taskpane/workers");
  void fileWork.warm();
  const source = { kind: "file" as const, name: "book.xlsx", data: new ArrayBuffer(8) };
  const compared = fileWork.compare(source);
  const planned = fileWork.plan("book.xlsx", new ArrayBuffer(8));
  await until(() => started[0]?.calls.includes("compare") && started[0].calls.includes("plan"));
  cancelFileWork();
  await expect(planned).rejects.toBeInstanceOf(CancelledError);
  expect(started[0].terminated).toBe(true);
  // The fresh worker: the warm-up again, then the comparison, which now finishes.
  await until(() => started.length === 2 && started[1].calls.includes("compare"));
  expect(started[1].calls).toEqual(["warm", "compare"]);
  started[1].release.get("compare")!();
  await expect(compared).resolves.toEqual({ ok: true, variants: [] });
  expect(started[1].calls).not.toContain("plan");

  // Work that fails for another reason is not repeated; a Cancel every time gives up after the tries.
  let runs = 0;
  await expect(outlivingCancel(async () => (runs++, Promise.reject(new Error("bad file"))))).rejects.toThrow("bad file");
  expect(runs).toBe(1);
  runs = 0;
  await expect(outlivingCancel(async () => (runs++, Promise.reject(new CancelledError())), 3)).rejects.toBeInstanceOf(CancelledError);
  expect(runs).toBe(3);
});
