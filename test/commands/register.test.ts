/**
 * src/commands/commands.ts against a stand-in Office global: the "rebalance" action of the
 * manifest's ExecuteFunction button is associated inside Excel only, and its handler always
 * completes the event; when the rebalance cannot run (here: no Excel global) it shows the pane.
 * The rebalance itself, on a fake Excel, is tested in test/commands/ribbon.test.ts.
 */
type Handler = (event: { completed(): void }) => Promise<void>;

interface FakeOffice {
  associated: Map<string, Handler>;
  shown: number;
  office: unknown;
}

function fakeOffice(host: string | null, showAsTaskpane: () => Promise<void> = async () => undefined): FakeOffice {
  const fake: FakeOffice = { associated: new Map(), shown: 0, office: null };
  fake.office = {
    HostType: { Excel: "Excel", Word: "Word" },
    onReady: async () => ({ host, platform: host ? "OfficeOnline" : null }),
    actions: { associate: (id: string, fn: Handler) => fake.associated.set(id, fn) },
    addin: {
      showAsTaskpane: async () => {
        fake.shown++;
        await showAsTaskpane();
      },
    },
  };
  return fake;
}

/** Loads a fresh copy of the module with `office` as the Office global and lets its registration run. */
async function load(office: unknown): Promise<typeof import("../../src/commands/commands")> {
  (globalThis as { Office?: unknown }).Office = office;
  let mod: typeof import("../../src/commands/commands") | undefined;
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mod = require("../../src/commands/commands");
  });
  await new Promise((r) => setTimeout(r, 0));
  return mod!;
}

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
  jest.restoreAllMocks();
});

test("inside Excel, the rebalance action is associated; when it cannot run it shows the pane, then completes", async () => {
  jest.spyOn(console, "error").mockImplementation(() => undefined);
  const fake = fakeOffice("Excel");
  await load(fake.office);
  expect([...fake.associated.keys()]).toEqual(["rebalance"]);
  const completed = jest.fn();
  await fake.associated.get("rebalance")!({ completed });
  expect(fake.shown).toBe(1);
  expect(completed).toHaveBeenCalledTimes(1);
});

test("the event is completed even when the pane cannot be shown", async () => {
  jest.spyOn(console, "error").mockImplementation(() => undefined);
  const fake = fakeOffice("Excel", async () => {
    throw new Error("not supported");
  });
  const mod = await load(fake.office);
  const completed = jest.fn();
  await mod.rebalance({ completed });
  expect(fake.shown).toBe(1);
  expect(completed).toHaveBeenCalledTimes(1);
  expect(console.error).toHaveBeenCalled();
});

test("outside Office (standalone pane) and in other hosts nothing is associated", async () => {
  for (const host of [null, "Word"]) {
    const fake = fakeOffice(host);
    const mod = await load(fake.office);
    expect(fake.associated.size).toBe(0);
    expect(await mod.registerCommands()).toBe(false);
  }
});

test("without Office.js at all, registration is a no-op rather than an error", async () => {
  const mod = await load(undefined);
  expect(await mod.registerCommands()).toBe(false);
});
