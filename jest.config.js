/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
  moduleNameMapper: {
    // office-addin-mock pulls office-addin-manifest, whose deep ESM-only dependencies break CommonJS jest.
    "^office-addin-manifest$": "office-addin-manifest/lib/officeApp.js",
  },
  // Two workers: these machines (and CI) have 2 cores, and jest's default (cores − 1) ran the suite on one.
  maxWorkers: 2,
  testTimeout: 120000,
  setupFilesAfterEnv: ["<rootDir>/test/support/solver.ts", "<rootDir>/test/support/testing-library.ts"],
};
