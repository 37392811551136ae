/**
 * The small part of Twilio Flex UI 2 (`@twilio/flex-ui` 2.17) the kit uses, written as structural
 * types from the package's type definitions, so that consumers never install the 8 MB bundle for
 * its types and the kit never imports it. The objects themselves come from your plugin's `init`.
 *
 * Sources (paths in the package): `src/flex-ui-core/src/Actions.d.ts` (invokeAction, addListener,
 * removeListener), `src/models/CommonModels.d.ts` (ITask), `src/actions/WorkerActions.d.ts`
 * (SetTaskAttributesPayload, WorkerActionPayload), `src/state/WorkerState.d.ts`,
 * `src/state/ViewState.d.ts`, `src/FlexEvents.d.ts`, `src/core/Manager.d.ts`.
 */

/** What the kit reads of an `ITask`. */
export interface FlexTask {
  /** The reservation sid (`WR…`): the key of `worker.tasks` and of `view.selectedTaskSid`. */
  sid: string;
  /** The TaskRouter task sid (`WT…`): the interaction id the kit reports. */
  taskSid: string;
  attributes: Record<string, unknown>;
  /** Reservation status: `pending`, `accepted`, `wrapping`, `completed`, ... */
  status?: string;
  taskStatus?: string;
  workerSid?: string;
  /** `voice`, `chat`, `sms`, `email`, `web`, `whatsapp`, `messenger`, `video`, `default`... */
  channelType?: string;
  taskChannelUniqueName?: string;
  dateCreated?: Date | string;
  setAttributes?(attributes: object): Promise<unknown>;
}

/** A listener of `Actions` or `manager.events` (each event passes its own arguments). */
export type FlexListener = (...args: never[]) => unknown;

/** `Actions` (the ActionsManager): invoke an action, listen before and after it. */
export interface FlexActions {
  invokeAction(name: string, payload?: Record<string, unknown>): Promise<unknown>;
  addListener(event: string, listener: FlexListener): unknown;
  removeListener(event: string, listener: FlexListener): unknown;
}

/** `manager.events` (FlexEventEmitter, a Node-style EventEmitter). */
export interface FlexEvents {
  addListener(event: string, listener: FlexListener): unknown;
  removeListener(event: string, listener: FlexListener): unknown;
}

/** The worker (`IWorker` / the TaskRouter `Worker`). */
export interface FlexWorker {
  sid: string;
  name?: string;
  attributes?: Record<string, unknown>;
}

/** What the kit reads of the Flex Redux state (`manager.store.getState()`). */
export interface FlexState {
  flex: {
    worker: {
      /** Active tasks by reservation sid. */
      tasks: Map<string, FlexTask>;
      attributes?: Record<string, unknown>;
      worker?: FlexWorker;
    };
    view?: { selectedTaskSid?: string };
  };
}

/** `manager` as a plugin's `init(flex, manager)` receives it. */
export interface FlexManager {
  store: { getState(): FlexState };
  events: FlexEvents;
  workerClient?: FlexWorker;
}
