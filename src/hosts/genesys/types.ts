/**
 * The small part of Genesys Cloud's SDKs the kit uses, as structural types written from their type
 * definitions (`purecloud-platform-client-v2` 262 `index.d.ts`, `purecloud-client-app-sdk` 2.6
 * `dist/index.d.ts`), so the kit never imports either and consumers install them only to run them.
 */

/** `platformClient.ApiClient.instance`. */
export interface GenesysApiClient {
  setEnvironment?(environment: string): void;
  setPersistSettings?(persist: boolean, prefix?: string): void;
  setAccessToken?(token: string): void;
  clearAuthData?(): void;
  loginPKCEGrant?(clientId: string, redirectUri: string, opts?: { state?: string; org?: string; provider?: string }): Promise<{ accessToken: string; state?: string }>;
}

export interface GenesysParticipant {
  id?: string;
  name?: string;
  purpose?: string;
  userId?: string;
  externalContactId?: string;
  endTime?: string;
  state?: string;
  attributes?: Record<string, string>;
  calls?: Array<{ state?: string }>;
  callbacks?: Array<{ state?: string }>;
  chats?: Array<{ state?: string }>;
  emails?: Array<{ state?: string }>;
  messages?: Array<{ state?: string }>;
  socialExpressions?: Array<{ state?: string }>;
  videos?: Array<{ state?: string }>;
}

/** `Models.Conversation` (REST) and the conversation of a `v2.users.{id}.conversations` notification. */
export interface GenesysConversation {
  id?: string;
  startTime?: string;
  endTime?: string;
  participants?: GenesysParticipant[];
}

export interface GenesysSurvey {
  id?: string;
  status?: string;
  completedDate?: string;
  surveyForm?: { name?: string };
  answers?: { totalScore?: number; npsScore?: number };
}

export interface GenesysCase {
  id?: string;
  name?: string;
  reference?: string;
  summary?: string;
  status?: string;
  priority?: string;
  dateCreated?: string;
  dateClosed?: string;
  caseplan?: { name?: string; id?: string };
  customerIntent?: { name?: string; id?: string };
}

export interface GenesysAnalyticsConversation {
  conversationId?: string;
  conversationStart?: string;
  conversationEnd?: string;
  /** The conversation's surveys as analytics sees them: the scores are there once a survey is finished. */
  surveys?: Array<{
    surveyId?: string;
    surveyStatus?: string;
    surveyFormName?: string;
    surveyCompletedDate?: string;
    /** The survey's total score, 0-100. */
    oSurveyTotalScore?: number;
    /** Net promoter score, 0-10. */
    surveyPromoterScore?: number;
  }>;
  participants?: Array<{ purpose?: string; externalContactId?: string; sessions?: Array<{ mediaType?: string }> }>;
}

export interface GenesysNote {
  id?: string;
  noteText?: string;
}

type Api<T> = new (apiClient?: unknown) => T;

/** The platform client module (`import platformClient from 'purecloud-platform-client-v2'`). */
export interface GenesysPlatformClient {
  ApiClient: { instance: GenesysApiClient };
  UsersApi: Api<{ getUsersMe(opts?: object): Promise<{ id?: string; name?: string; username?: string }> }>;
  ConversationsApi: Api<{
    getConversation(conversationId: string): Promise<GenesysConversation>;
    patchConversationParticipantAttributes(conversationId: string, participantId: string, body: { attributes: Record<string, string> }): Promise<unknown>;
  }>;
  AnalyticsApi: Api<{
    postAnalyticsConversationsDetailsQuery(body: object): Promise<{ conversations?: GenesysAnalyticsConversation[] }>;
  }>;
  QualityApi: Api<{ getQualityConversationSurveys(conversationId: string): Promise<GenesysSurvey[]> }>;
  ExternalContactsApi: Api<{
    getExternalcontactsContact(contactId: string): Promise<{ id?: string; firstName?: string; middleName?: string; lastName?: string }>;
    getExternalcontactsContactNotes(contactId: string, opts?: { pageSize?: number; sortOrder?: string }): Promise<{ entities?: GenesysNote[] }>;
    postExternalcontactsContactNotes(contactId: string, body: { noteText: string; entityId?: string; entityType?: string }): Promise<GenesysNote>;
  }>;
  /** Optional: orgs without Case Management leave cases out of the history. */
  CaseManagementApi?: Api<{
    getCasemanagementCasesExternalcontact(externalContactId: string, opts?: { pageSize?: number }): Promise<{ entities?: GenesysCase[] }>;
  }>;
  NotificationsApi: Api<{
    postNotificationsChannels(): Promise<{ id?: string; connectUri?: string }>;
    postNotificationsChannelSubscriptions(channelId: string, body: Array<{ id: string }>): Promise<unknown>;
  }>;
}

/** `new ClientApp({...})` of `purecloud-client-app-sdk`: the lifecycle and toasts. */
export interface GenesysClientApp {
  lifecycle: {
    addBootstrapListener(listener: (event: unknown) => void, once?: boolean): void;
    removeBootstrapListener(listener: (event: unknown) => void, once?: boolean): void;
    bootstrapped(): void;
    addStopListener(listener: (event: unknown) => void, once?: boolean): void;
    removeStopListener(listener: (event: unknown) => void, once?: boolean): void;
    stopped(): void;
  };
  alerting?: { showToastPopup(title: string, message: string, options?: { id?: string; type?: string; timeout?: number; showCloseButton?: boolean }): void };
}

/** What the kit needs of a WebSocket (the browser's, or a test's). */
export interface WebSocketLike {
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror?: ((event: unknown) => void) | null;
  close(): void;
}
