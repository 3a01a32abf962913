// The request fields every resource shares, declared in the contract (domain/contract/request-fields.ts)
// so the modeller types its requests from the same schemas; route files import them from here.
export { CaseId, DataRecord, DateOrInstant, DefinitionId, Empty, Instant, MAX_DATA_BYTES, MAX_DATA_DEPTH, Page, VersionNumber } from '../domain/contract/request-fields.ts';
