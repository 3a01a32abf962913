// The workflow bundle's entry point: every workflow type the Casemap worker runs.
export { caseWorkflow } from './case-workflow.ts';
export { timerStartWorkflow } from './timer-start-workflow.ts';
export { signalBroadcastWorkflow } from './signal-broadcast-workflow.ts';
export { migrationWorkflow } from './migration-workflow.ts';
