// What the conversations feature needs from storage; implemented over Prisma in src/db/repositories.
import type { ConversationAddress, Platform } from '../context.js';

export interface InstallDetails {
  /** Channel or team name when the platform gives one. */
  readonly name?: string | undefined;
  /** What a later proactive post needs: the Bot Framework conversation reference for Teams. */
  readonly reference?: Readonly<Record<string, unknown>> | undefined;
}

export interface ConversationStore {
  /** Records that the bot is in the conversation (again); writes an audit entry in the same transaction. */
  recordInstalled(address: ConversationAddress, details: InstallDetails): Promise<void>;
  /** Records that the bot left or was removed; writes an audit entry in the same transaction. */
  recordRemoved(address: ConversationAddress): Promise<void>;
  /** The app was uninstalled from a whole workspace: every conversation there is marked removed. */
  recordWorkspaceRemoved(platform: Platform, workspaceId: string): Promise<void>;
  /** Keeps a stored Teams reference's service URL current (it can change between activities). */
  refreshServiceUrl(address: ConversationAddress, serviceUrl: string): Promise<void>;
}
