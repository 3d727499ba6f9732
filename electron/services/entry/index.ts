/** The agency's self-assessment entry: the services the window and `parscore item|evidence|figure|bonus|penalty|nomination` call. */
export { type EntryTarget, resolve } from './context.ts';
export { type ItemResult, itemScores, setItem } from './items.ts';
export { setSelfAdjustment } from './adjustments.ts';
export { type EvidenceDetails, MAX_EVIDENCE_BYTES, addItemEvidence, editItemEvidence, removeItemEvidence, setItemExplanation } from './evidence.ts';
export { listFigures, setFigure } from './figures.ts';
export { addNomination, editNomination, listNominations, removeNomination } from './nominations.ts';
