/**
 * Testing Library's findBy… and waitFor give up after 1 s by default. The views plan with the real engine in
 * the test's own thread (a comparison of every strategy, the optimizer), which on CI's 2 loaded cores
 * took longer than that once (a Compare test failed while "Planning every strategy…" was still shown).
 * So jsdom suites wait up to 20 s; a view that never arrives still fails, just later.
 */
if (typeof window !== "undefined") {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { configure } = require("@testing-library/react") as typeof import("@testing-library/react");
  configure({ asyncUtilTimeout: 20000 });
}
