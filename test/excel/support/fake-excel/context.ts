/**
 * The request context of the Excel stand-in (see index.ts): actions queue up and run in order at
 * sync(), where each request is sized and checked against the workbook's limit.
 */
import type { Workbook } from "./model";
// WorkbookProxy is used only inside the Context constructor, so the import cycle with proxies.ts is safe at runtime.
import { WorkbookProxy } from "./proxies";

const ACTION_BYTES = 120;

export interface SyncRecord {
  bytes: number;
  actions: number;
  responseBytes: number;
  suspendedCalculation: boolean;
  suspendedScreen: boolean;
  error: string | null;
}

export class RichApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

type Action = { bytes: number; description: string; run: () => void };

function sizeOf(args: unknown[]): number {
  return ACTION_BYTES + JSON.stringify(args).length;
}

export class Context {
  queue: Action[] = [];
  /** Loads captured in the running sync, with their response size. */
  responseBytes = 0;
  flags = { calc: false, screen: false };
  workbook: WorkbookProxy;
  constructor(readonly wb: Workbook) {
    this.workbook = new WorkbookProxy(this);
  }
  push(description: string, args: unknown[], run: () => void): void {
    this.queue.push({ bytes: sizeOf(args), description, run });
  }
  async sync(): Promise<void> {
    const actions = this.queue;
    this.queue = [];
    const bytes = actions.reduce((s, a) => s + a.bytes, 0);
    const record: SyncRecord = { bytes, actions: actions.length, responseBytes: 0, suspendedCalculation: false, suspendedScreen: false, error: null };
    this.wb.syncs.push(record);
    this.responseBytes = 0;
    this.flags = { calc: false, screen: false };
    await Promise.resolve();
    if (bytes > this.wb.requestLimit) {
      record.error = "RequestPayloadSizeLimitExceeded";
      throw new RichApiError("RequestPayloadSizeLimitExceeded", `The request payload size has exceeded the limit (${bytes} bytes).`);
    }
    try {
      for (const a of actions) {
        if (this.wb.failOn && this.wb.failOn(a.description)) throw new RichApiError("GeneralException", `Simulated failure at ${a.description}`);
        a.run();
      }
      if (this.responseBytes > this.wb.requestLimit) throw new RichApiError("ResponsePayloadSizeLimitExceeded", `The response payload size has exceeded the limit (${this.responseBytes} bytes).`);
    } catch (e) {
      record.error = e instanceof RichApiError ? e.code : String(e);
      throw e;
    } finally {
      record.responseBytes = this.responseBytes;
      record.suspendedCalculation = this.flags.calc;
      record.suspendedScreen = this.flags.screen;
    }
  }
}
