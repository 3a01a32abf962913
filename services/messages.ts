// Messages from other systems as stored: an earlier send under the same id, the cases waiting for
// a message, the record of where one went, and the lists a sender or a lead reads.
import type { Database } from '../storage/database.ts';
import { findSentMessage, findWaitingCases, listMessages, recordMessage, type MessageReader, type MessageRequest, type RecordedMessage } from '../storage/message-store.ts';
import type { MessagePage, MessageRecord } from '../domain/contract/message.ts';

export type { MessageReader, MessageRequest, RecordedMessage };

/** An earlier message of this sender under this id: the same message again, or another one reusing the id. */
export async function earlierSend(db: Database, request: MessageRequest): Promise<RecordedMessage | null> {
  return findSentMessage(db, request);
}

/** Cases currently waiting for this message name (and key, when the wait names one). */
export async function waitingCases(db: Database, name: string, correlationKey: string | undefined): Promise<string[]> {
  return findWaitingCases(db, name, correlationKey);
}

/** Stores a message once per (sender, id); a repeat finds the first record, or reports the id reused. */
export async function keepMessage(db: Database, request: MessageRequest, status: MessageRecord['status'], caseIds: string[]): Promise<RecordedMessage> {
  return recordMessage(db, request, status, caseIds);
}

export async function messagesFor(db: Database, reader: MessageReader, page: { status?: MessageRecord['status']; limit: number; offset: number }): Promise<MessagePage> {
  return listMessages(db, reader, page.status, page.limit, page.offset);
}
