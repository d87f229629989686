/**
 * The worker's .xlsx work (exceljs and what uses it), one chunk fetched when a file is first read or written,
 * not with the worker: the worker starts on the engine alone and loads the solver meanwhile.
 */
export { readFileSnapshot } from "../readFile";
export { editedWorkbook } from "../editFile";
export { starterFile } from "../starterFile";
export { updatedWorkbook } from "../updateFile";
