import type { RequestOptions } from './core.js';
import { MonoDataClient } from './data-client.js';
import * as resource from './resources.js';
import type { StatementPeriod, TransactionQuery } from './resources.js';

export type { CallInit, HeadersSource, InitiateRequest, MonoClientOptions, Query, RequestOptions } from './core.js';
export { MonoDataClient } from './data-client.js';
export * from './resources.js';

/**
 * The kit's client for hosts: `MonoDataClient` (cache, de-duplication, retries; initiate and exchange) with
 * every data resource of the host backend as a method, each parsed into the normalised model.
 */
export class MonoClient extends MonoDataClient {
  account(accountId: string, o?: RequestOptions) {
    return resource.getAccount(this, accountId, o);
  }

  transactions(accountId: string, q: TransactionQuery = {}, o?: RequestOptions) {
    return resource.getTransactions(this, accountId, q, o);
  }

  /** Statement JSON for the last `months` (1–12). */
  statement(accountId: string, months: StatementPeriod, o?: RequestOptions) {
    return resource.getStatement(this, accountId, months, o);
  }

  /** Starts a PDF statement job; never cached, since each answer is a new job. */
  requestStatementPdf(accountId: string, months: StatementPeriod, o?: RequestOptions) {
    return resource.requestStatementPdf(this, accountId, months, o);
  }

  statementJob(accountId: string, jobId: string, o?: RequestOptions) {
    return resource.getStatementJob(this, accountId, jobId, o);
  }

  /** Where the host streams a built statement PDF. */
  statementPdfUrl(accountId: string, jobId: string): string {
    return resource.statementPdfUrl(this, accountId, jobId);
  }

  identity(accountId: string, o?: RequestOptions) {
    return resource.getIdentity(this, accountId, o);
  }

  /** Mono's income records, in the order Mono made them (the last is the newest). */
  async incomeRecords(accountId: string, o?: RequestOptions) {
    return (await resource.getIncome(this, accountId, o)).records;
  }

  /** The income records with the host's monthly credits (`monthly_credits`), when it sends them. */
  income(accountId: string, o?: RequestOptions) {
    return resource.getIncome(this, accountId, o);
  }

  startIncomeAnalysis(accountId: string, o?: RequestOptions) {
    return resource.startIncomeAnalysis(this, accountId, o);
  }

  assets(accountId: string, o?: RequestOptions) {
    return resource.getAssets(this, accountId, o);
  }

  earnings(accountId: string, o?: RequestOptions) {
    return resource.getEarnings(this, accountId, o);
  }

  sync(accountId: string, o?: RequestOptions) {
    return resource.startSync(this, accountId, o);
  }

  job(accountId: string, jobId: string, o?: RequestOptions) {
    return resource.getJob(this, accountId, jobId, o);
  }
}
