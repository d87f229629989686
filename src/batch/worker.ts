/** The batch's worker thread (piscina loads this file): one household per call. */
import { planHousehold } from "./household";

export default planHousehold;
