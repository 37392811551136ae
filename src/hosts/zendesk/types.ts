/**
 * The part of the ZAF client (the object `ZAFClient.init()` returns in a Zendesk app's iframe) the
 * kit uses. The SDK is loaded by the app (`zaf_sdk.min.js` from Zendesk's CDN, or the npm package);
 * the kit never imports it.
 */
export interface ZafRequestOptions {
  url: string;
  type?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** A JSON string for writes. */
  data?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

export interface ZafClient {
  context(): Promise<unknown>;
  get(paths: string | string[]): Promise<unknown>;
  set?(path: string, value: unknown): Promise<unknown>;
  request(options: ZafRequestOptions): Promise<unknown>;
  on(name: string, handler: (...args: never[]) => unknown): void;
  off?(name: string, handler: (...args: never[]) => unknown): unknown;
}

/** A ticket as the Support API answers it (the fields the kit reads). */
export interface ZendeskTicket {
  id: number;
  subject?: string | null;
  status?: string;
  priority?: string | null;
  type?: string | null;
  tags?: string[];
  created_at?: string;
  updated_at?: string;
  requester_id?: number;
  via?: { channel?: string };
  satisfaction_rating?: { score?: string; comment?: string | null } | null;
}

/** A Support user (the requester). */
export interface ZendeskUser {
  id: number;
  name?: string;
  tags?: string[];
  user_fields?: Record<string, unknown>;
}
